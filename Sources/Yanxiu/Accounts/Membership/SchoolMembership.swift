import JSONValues

/// Joining, verification, removal and the profile lock that verification brings.
public enum SchoolMembership {
    public static func fetch(_ tx: any StoreTransaction, accountID: Int64) throws -> SchoolMember? {
        try tx.memberships.member(accountID: accountID)
    }

    /// Whether the account's name, ID and school are locked by a verification.
    public static func isLocked(_ tx: any StoreTransaction, accountID: Int64) throws -> Bool {
        try fetch(tx, accountID: accountID)?.isVerified ?? false
    }

    /// Makes a teacher a pending member of `schoolID` (moving a pending membership there), keeping the
    /// declared roles. A verified membership of another school is a programming error: callers check the lock.
    public static func join(_ tx: any StoreTransaction, accountID: Int64, schoolID: Int64, now: Int64) throws {
        let memberships = tx.memberships
        if let member = try memberships.member(accountID: accountID) {
            guard member.schoolID != schoolID else { return }
            try memberships.moveMember(accountID: accountID, toSchool: schoolID, joinedAt: now)
        } else {
            // A teacher coming back (removed, or returning to the teacher identity) is pending again
            // with the roles the newest enrolment form declares, so the form and the queue agree.
            let declared = try memberships.rolesOnNewestEnrollmentForm(accountID: accountID)
            try memberships.insertPendingMember(
                accountID: accountID, schoolID: schoolID, declaredMentalHealth: declared?.mentalHealth ?? false,
                declaredHomeroom: declared?.homeroom ?? false, joinedAt: now)
        }
    }

    /// Records the roles a teacher declares (profile or enrolment form). Declarations never change a verification.
    public static func declare(_ tx: any StoreTransaction, accountID: Int64, mentalHealth: Bool?, homeroom: Bool?) throws {
        guard mentalHealth != nil || homeroom != nil else { return }
        try tx.memberships.declareRoles(accountID: accountID, mentalHealth: mentalHealth, homeroom: homeroom)
    }

    /// Ends a membership (the teacher left, or switched identity away from teacher).
    public static func leave(_ tx: any StoreTransaction, accountID: Int64) throws {
        try tx.memberships.removeMember(accountID: accountID)
    }

    /// `school.pendingTeachers`: the school's members with `status` (nil for all), oldest first;
    /// 404 `school.unknown`.
    public static func members(_ tx: any StoreTransaction, schoolID: Int64, status: MemberStatus?) throws -> [SchoolMemberListing] {
        _ = try SchoolDirectory.require(tx, id: schoolID)
        return try tx.memberships.members(schoolID: schoolID, status: status)
    }

    /// Verifies a member's roles; locks the profile. 409 `member.already_verified` when nothing would change.
    public static func verify(_ tx: any StoreTransaction, schoolID: Int64, accountID: Int64, mentalHealth: Bool, homeroom: Bool,
                              actor: AuditActor, now: Int64) throws -> SchoolMember {
        let school = try SchoolDirectory.require(tx, id: schoolID)
        guard !school.isOther else {
            throw DomainError.conflict("school.is_other", "Teachers of an \"其他\" school cannot be verified; they must move to a real school")
        }
        guard let member = try fetch(tx, accountID: accountID), member.schoolID == schoolID else {
            throw DomainError.notFound("member.unknown", "The account is not a member of this school")
        }
        try MembershipRefusals.checkNotSelf(actor: actor, accountID: accountID)
        try MembershipRefusals.checkDeclared(member, mentalHealth: mentalHealth, homeroom: homeroom)
        if member.isVerified, member.verifiedMentalHealth == mentalHealth, member.verifiedHomeroom == homeroom {
            throw DomainError.conflict("member.already_verified", "The teacher is already verified with these roles", data: ["userId": .int64(accountID)])
        }
        try tx.memberships.markVerified(accountID: accountID, mentalHealth: mentalHealth, homeroom: homeroom, verifierAccountID: actor.accountID, at: now)
        try tx.audit.record(at: now, actor: actor, action: "school.verifyTeacher", target: AccountRecord.target(accountID),
                            detail: ["schoolId": .int64(schoolID), "mentalHealthTeacher": .bool(mentalHealth), "homeroomTeacher": .bool(homeroom)])
        return try fetch(tx, accountID: accountID)!
    }

    /// Ends a member's membership; the profile unlocks and a later edit makes the teacher pending again.
    public static func remove(_ tx: any StoreTransaction, schoolID: Int64, accountID: Int64, actor: AuditActor, now: Int64) throws {
        _ = try SchoolDirectory.require(tx, id: schoolID)
        guard let member = try fetch(tx, accountID: accountID), member.schoolID == schoolID else {
            throw DomainError.notFound("member.unknown", "The account is not a member of this school")
        }
        try MembershipRefusals.checkNotSelf(actor: actor, accountID: accountID)
        try leave(tx, accountID: accountID)
        try tx.audit.record(at: now, actor: actor, action: "school.removeTeacher", target: AccountRecord.target(accountID),
                            detail: ["schoolId": .int64(schoolID), "wasVerified": .bool(member.isVerified)])
    }

    /// `school.verifyTeacher`: `verify`, with a refusal audited and returned so that its audit line commits.
    public static func verifyTeacher(_ tx: any StoreTransaction, schoolID: Int64, accountID: Int64, mentalHealth: Bool, homeroom: Bool,
                                     actor: AuditActor, now: Int64) throws -> Result<SchoolMember, DomainError> {
        try MembershipRefusals.audited(tx, action: "school.verifyTeacher", schoolID: schoolID, accountID: accountID, actor: actor, now: now) {
            try verify(tx, schoolID: schoolID, accountID: accountID, mentalHealth: mentalHealth, homeroom: homeroom, actor: actor, now: now)
        }
    }

    /// `school.removeTeacher`: `remove`, with a refusal audited and returned so that its audit line commits.
    public static func removeTeacher(_ tx: any StoreTransaction, schoolID: Int64, accountID: Int64,
                                     actor: AuditActor, now: Int64) throws -> Result<Void, DomainError> {
        try MembershipRefusals.audited(tx, action: "school.removeTeacher", schoolID: schoolID, accountID: accountID, actor: actor, now: now) {
            try remove(tx, schoolID: schoolID, accountID: accountID, actor: actor, now: now)
        }
    }
}
