import JSONValues

/// What enrolment needs to know about an account: identity, the profile fields the form
/// repeats, and its school membership.
public struct EnrollmentAccount: Sendable {
    public var id: Int64
    public var identity: String?
    public var name: String?
    public var teacherType: String?
    public var schoolID: Int64?
    public var idType: String?
    public var idNumber: String?
    public var title: String?
    public var stage: String?
    public var subject: String?
    /// `pending`, `verified`, or nil without a membership row.
    public var membershipStatus: String?
    /// The roles declared in the membership; nil without one.
    public var declaredMentalHealth: Bool?
    public var declaredHomeroom: Bool?

    public init(
        id: Int64, identity: String?, name: String?, teacherType: String?, schoolID: Int64?, idType: String?, idNumber: String?,
        title: String?, stage: String?, subject: String?, membershipStatus: String?, declaredMentalHealth: Bool?, declaredHomeroom: Bool?
    ) {
        self.id = id
        self.identity = identity
        self.name = name
        self.teacherType = teacherType
        self.schoolID = schoolID
        self.idType = idType
        self.idNumber = idNumber
        self.title = title
        self.stage = stage
        self.subject = subject
        self.membershipStatus = membershipStatus
        self.declaredMentalHealth = declaredMentalHealth
        self.declaredHomeroom = declaredHomeroom
    }

    var isVerified: Bool { membershipStatus == "verified" }

    static func load(_ tx: any StoreTransaction, id: Int64) throws -> EnrollmentAccount {
        guard let account = try tx.enrollments.enrollmentAccount(id: id) else {
            throw DomainError.unauthorized("session.unknown", "The session's account no longer exists")
        }
        return account
    }

    /// Only teachers who completed their basic information (docs/rules.md#e2) may enrol.
    func checkMayEnroll() throws {
        guard identity == "teacher" else {
            throw DomainError.precondition(
                "enrollment.teacher_required", "Only teacher accounts can enrol; choose the teacher identity first",
                data: ["identity": .optional(identity)])
        }
        let missing = [("name", name == nil), ("teacherType", teacherType == nil), ("schoolId", schoolID == nil)].filter(\.1).map(\.0)
        guard missing.isEmpty else {
            throw DomainError.precondition(
                "profile.incomplete", "Complete the basic information (\(missing.joined(separator: ", "))) before enrolling",
                data: ["missing": .array(missing.map(JSONValue.string))])
        }
    }

    /// Brings the account in line with the form as `plan` says, and records that in the audit trail:
    /// `account.profileFromEnrollment` with the filled and replaced fields, and for a verified
    /// profile `account.lockedFieldFilled` for the locked fields it filled.
    func apply(_ tx: any StoreTransaction, _ plan: ProfileAgreement, now: Int64) throws {
        let changes = plan.changes
        guard !changes.isEmpty else { return }
        try tx.enrollments.updateProfile(accountID: id, fields: changes.map { (name: $0.name, value: $0.form) }, now: now)
        try tx.audit.record(
            at: now, actor: AuditActor(accountID: id), action: "account.profileFromEnrollment", target: AccountRecord.target(id),
            detail: ["filled": .array(plan.filled.map { .string($0.name) }), "replaced": .array(plan.replaced.map { .string($0.name) })])
        if isVerified {
            try LockedFields.recordFilled(tx, accountID: id, fields: plan.filled.filter(\.lockedByVerification).map(\.name),
                                          via: "enrollment.create", now: now)
        }
    }

    /// Files the declared roles for the school's administrator through the accounts rules: a pending
    /// membership of the form's school (moved there if pending elsewhere), or new declarations on a
    /// verified one, which never change what the administrator verified.
    func fileDeclaredRoles(_ tx: any StoreTransaction, form: EnrollmentForm, now: Int64) throws {
        try SchoolMembership.join(tx, accountID: id, schoolID: form.schoolId, now: now)
        try SchoolMembership.declare(tx, accountID: id, mentalHealth: form.isMentalHealthTeacher, homeroom: form.isHomeroomTeacher)
    }
}
