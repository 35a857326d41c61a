import JSONValues

/// Identity, basic information and details of an account, and the lock verification puts on them.
public enum ProfileEditor {
    /// Sets the identity and nickname. Switching identity is audited; leaving "teacher" ends a pending
    /// membership and is refused (409 `profile.locked`) while verified.
    public static func setIdentity(_ tx: any StoreTransaction, accountID: Int64, identity: String, nickname: String, actor: AuditActor, now: Int64) throws {
        let account = try tx.accounts.requireAccount(id: accountID)
        if let previous = account.identity, previous != identity {
            if previous == "teacher" {
                if try SchoolMembership.isLocked(tx, accountID: accountID) {
                    throw lockedError(["identity"])
                }
                try SchoolMembership.leave(tx, accountID: accountID)
            }
            try tx.audit.record(at: now, actor: actor, action: "account.identitySwitched", target: AccountRecord.target(accountID),
                                detail: ["from": .string(previous), "to": .string(identity)])
            // Whether the account may study is cached with its progress by the heartbeat lanes of
            // every daemon: a new version makes each ask again before it writes.
            try tx.progress.renewVersion(accountID: accountID, now: now)
        }
        try tx.accounts.setIdentity(accountID: accountID, identity: identity, nickname: nickname, updatedAt: now)
        if identity == "teacher" { try rejoin(tx, accountID: accountID, now: now) }
    }

    /// Validated basic information; the roles are optional declarations.
    public struct BasicInfo: Sendable {
        public var name: String
        public var teacherType: String
        public var schoolID: Int64
        public var mentalHealthTeacher: Bool?
        public var homeroomTeacher: Bool?

        public init(name: String, teacherType: String, schoolID: Int64, mentalHealthTeacher: Bool?, homeroomTeacher: Bool?) {
            self.name = name
            self.teacherType = teacherType
            self.schoolID = schoolID
            self.mentalHealthTeacher = mentalHealthTeacher
            self.homeroomTeacher = homeroomTeacher
        }
    }

    /// Saves name, teacher type and school. A teacher becomes a pending member of the school;
    /// a verified teacher may not change name or school (409 `profile.locked`).
    public static func updateBasicInfo(_ tx: any StoreTransaction, accountID: Int64, info: BasicInfo, now: Int64) throws {
        let account = try tx.accounts.requireAccount(id: accountID)
        guard account.identity != nil else { throw DomainError.precondition("identity.required", "Choose an identity first (account.setIdentity)") }
        _ = try SchoolDirectory.require(tx, id: info.schoolID)
        if try SchoolMembership.isLocked(tx, accountID: accountID) {
            let fills = try LockedFields.check([("name", account.name, info.name), ("schoolId", account.schoolID.map(String.init), String(info.schoolID))])
            try LockedFields.recordFilled(tx, accountID: accountID, fields: fills, via: "account.updateBasicInfo", now: now)
        }
        try tx.accounts.setBasicInfo(accountID: accountID, name: info.name, teacherType: info.teacherType, schoolID: info.schoolID, updatedAt: now)
        if account.isTeacher {
            try rejoin(tx, accountID: accountID, now: now)
            try SchoolMembership.declare(tx, accountID: accountID, mentalHealth: info.mentalHealthTeacher, homeroom: info.homeroomTeacher)
        }
        try EnrollmentFollowsProfile.update(tx, accountID: accountID)
    }

    /// Validated details: nil leaves a field as it is, an empty value clears it.
    public struct Details: Sendable {
        public var id: IDNumber??
        public var title: String??
        public var stage: String??
        public var subject: String??

        public init(id: IDNumber??, title: String??, stage: String??, subject: String??) {
            self.id = id
            self.title = title
            self.stage = stage
            self.subject = subject
        }
    }

    /// Saves ID type and number, title, stage and subject; ID changes are refused while verified.
    public static func updateDetails(_ tx: any StoreTransaction, accountID: Int64, details: Details, now: Int64) throws {
        let account = try tx.accounts.requireAccount(id: accountID)
        if let id = details.id, try SchoolMembership.isLocked(tx, accountID: accountID) {
            let fills = try LockedFields.check([
                ("idType", account.idType, id?.type.code), ("idNumber", account.idNumber, id?.value),
            ])
            try LockedFields.recordFilled(tx, accountID: accountID, fields: fills, via: "account.updateDetails", now: now)
        }
        try tx.accounts.setDetails(accountID: accountID, details: details, updatedAt: now)
        if account.isTeacher { try rejoin(tx, accountID: accountID, now: now) }
        try EnrollmentFollowsProfile.update(tx, accountID: accountID)
    }

    /// A teacher with a school and no membership (new, or removed and now editing) becomes pending again.
    static func rejoin(_ tx: any StoreTransaction, accountID: Int64, now: Int64) throws {
        guard let schoolID = try tx.accounts.account(id: accountID)?.schoolID else { return }
        if let member = try SchoolMembership.fetch(tx, accountID: accountID), member.isVerified { return }
        try SchoolMembership.join(tx, accountID: accountID, schoolID: schoolID, now: now)
    }

    /// 409 `profile.locked`, naming the fields the caller tried to change.
    static func lockedError(_ fields: [String]) -> DomainError {
        DomainError.conflict("profile.locked", "Verified by the school: ask its administrator to remove you before changing this",
                             data: ["fields": .array(fields.map { ["field": .string($0), "reason": "locked"] })])
    }
}
