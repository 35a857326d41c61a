import GRDB
import JSONRPC

/// What enrolment needs to know about an account: identity, the profile fields the form
/// repeats, and its school membership.
struct EnrollmentAccount {
    var id: Int64
    var identity: String?
    var name: String?
    var teacherType: String?
    var schoolID: Int64?
    var idType: String?
    var idNumber: String?
    /// `pending`, `verified`, or nil without a membership row.
    var membershipStatus: String?

    var isVerified: Bool { membershipStatus == "verified" }

    static func load(_ db: Database, id: Int64) throws -> EnrollmentAccount {
        guard let row = try Row.fetchOne(
            db,
            sql: """
                SELECT a.identity, a.name, a.teacher_type, a.school_id, a.id_type, a.id_number, m.status
                FROM account a LEFT JOIN school_member m ON m.account_id = a.id WHERE a.id = ?
                """,
            arguments: [id])
        else { throw DomainError.unauthorized("session.unknown", "The session's account no longer exists") }
        return EnrollmentAccount(
            id: id, identity: row["identity"], name: row["name"], teacherType: row["teacher_type"], schoolID: row["school_id"],
            idType: row["id_type"], idNumber: row["id_number"], membershipStatus: row["status"])
    }

    /// Only teachers who completed their basic information (DOMAIN.md step 2) may enrol.
    func checkMayEnrol() throws {
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

    /// The form fields that disagree with the account: name, ID and school must match it.
    func differences(from form: EnrollmentForm) -> [String] {
        var fields: [String] = []
        if name != form.name { fields.append("name") }
        if idType != form.idType.code { fields.append("idType") }
        if idNumber != form.idNumber { fields.append("idNumber") }
        if schoolID != form.schoolId { fields.append("schoolId") }
        return fields
    }

    /// Brings an unverified account in line with the form and records that in the audit trail.
    func update(_ db: Database, from form: EnrollmentForm, changed: [String], now: Int64) throws {
        try db.execute(
            sql: "UPDATE account SET name = ?, id_type = ?, id_number = ?, school_id = ?, updated_at = ? WHERE id = ?",
            arguments: [form.name, form.idType.code, form.idNumber, form.schoolId, now, id])
        try AuditLog.record(
            db, at: now, actor: AuditActor(accountID: id), action: "account.profileFromEnrollment", target: AccountRecord.target(id),
            detail: ["fields": .array(changed.map(JSONValue.string))])
    }

    /// Files the declared roles for the school's administrator through the accounts rules: a pending
    /// membership of the form's school (moved there if pending elsewhere), or new declarations on a
    /// verified one, which never change what the administrator verified.
    func fileDeclaredRoles(_ db: Database, form: EnrollmentForm, now: Int64) throws {
        try SchoolMembership.join(db, accountID: id, schoolID: form.schoolId, now: now)
        try SchoolMembership.declare(db, accountID: id, mentalHealth: form.isMentalHealthTeacher, homeroom: form.isHomeroomTeacher)
    }
}
