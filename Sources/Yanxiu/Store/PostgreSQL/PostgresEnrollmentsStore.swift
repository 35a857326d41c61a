import Foundation
import Postgres

/// `EnrollmentsStore` on PostgreSQL: the `enrollment` table and the account, membership, school
/// and grant rows enrolment reads.
struct PostgresEnrollmentsStore: EnrollmentsStore {
    let db: PostgresDatabase

    /// An enrolment is shown at the school its teacher is a member of now; one whose teacher has
    /// no membership at its profile's school.
    static let from = """
        FROM enrollment e
        JOIN account a ON a.id = e.account_id
        LEFT JOIN school_member m ON m.account_id = e.account_id
        LEFT JOIN school s ON s.id = coalesce(m.school_id, e.school_id)
        """

    static let select = """
        SELECT e.id, e.account_id, e.topic_id, coalesce(m.school_id, e.school_id) AS school_id, e.form, e.created_at, a.phone,
               s.name AS school_name, s.region_code, m.status, m.verified_mental_health, m.verified_homeroom
        """ + "\n" + from

    /// The account columns of the profile fields the form repeats, by their names on the form.
    static let profileColumns = [
        "name": "name", "idType": "id_type", "idNumber": "id_number", "schoolId": "school_id",
        "teacherType": "teacher_type", "title": "title", "stage": "stage", "subject": "subject",
    ]

    func enrollmentID(accountID: Int64, topicID: String) throws -> Int64? {
        try db.first("SELECT id FROM enrollment WHERE account_id = $1 AND topic_id = $2", [accountID, topicID])?[0]
    }

    func hasEnrollments(accountID: Int64) throws -> Bool {
        try db.first("SELECT 1 FROM enrollment WHERE account_id = $1 LIMIT 1", [accountID]) != nil
    }

    func enrollmentAccount(id: Int64) throws -> EnrollmentAccount? {
        guard let row = try db.first(
            """
            SELECT a.identity, a.name, a.teacher_type, a.school_id, a.id_type, a.id_number, a.title, a.stage, a.subject,
                   m.status, m.declared_mental_health, m.declared_homeroom
            FROM account a LEFT JOIN school_member m ON m.account_id = a.id WHERE a.id = $1
            """,
            [id])
        else { return nil }
        return EnrollmentAccount(
            id: id, identity: row["identity"], name: row["name"], teacherType: row["teacher_type"], schoolID: row["school_id"],
            idType: row["id_type"], idNumber: row["id_number"], title: row["title"], stage: row["stage"], subject: row["subject"],
            membershipStatus: row["status"], declaredMentalHealth: row["declared_mental_health"], declaredHomeroom: row["declared_homeroom"])
    }

    func schoolExists(id: Int64) throws -> Bool {
        try db.first("SELECT 1 FROM school WHERE id = $1", [id]) != nil
    }

    func schoolRegion(id: Int64) throws -> String? {
        try db.first("SELECT region_code FROM school WHERE id = $1", [id])?[0]
    }

    func grants(accountID: Int64) throws -> [(role: String, scope: String)] {
        try db.execute("SELECT role, scope FROM admin_grant WHERE account_id = $1 ORDER BY role, scope", [accountID])
            .map { (role: $0["role"] as String, scope: $0["scope"] as String) }
    }

    func updateProfile(accountID: Int64, fields: [(name: String, value: String)], now: Int64) throws {
        guard !fields.isEmpty else { return }
        var assignments: [String] = []
        var arguments: [any PostgresBindable] = []
        for field in fields {
            guard let column = Self.profileColumns[field.name] else { preconditionFailure("no profile field \(field.name)") }
            arguments.append(field.name == "schoolId" ? Int64(field.value) as Int64? : field.value as String?)
            assignments.append("\(column) = $\(arguments.count)")
        }
        arguments += [now, accountID]
        try db.execute(
            "UPDATE account SET \(assignments.joined(separator: ", ")), updated_at = $\(arguments.count - 1) WHERE id = $\(arguments.count)",
            arguments)
    }

    /// The forms are JSON text, so the patch is applied here (as SQLite's `json_set` would: other
    /// members keep their places) and the forms go back in one statement. The rows are locked
    /// while they are patched, so a writer on another connection cannot slip a change in between.
    func updateForms(accountID: Int64, _ patch: EnrollmentFormPatch) throws {
        guard !patch.isEmpty else { return }
        let rows = try db.execute("SELECT id, form FROM enrollment WHERE account_id = $1 FOR UPDATE", [accountID])
        guard !rows.isEmpty else { return }
        let ids = rows.map { $0["id"] as Int64 }
        let forms = try rows.map { try patch.applied(to: $0["form"]) }
        try db.execute(
            """
            UPDATE enrollment e SET form = u.form, school_id = coalesce($3, e.school_id)
            FROM unnest($1::bigint[], $2::text[]) AS u(id, form) WHERE e.id = u.id
            """,
            [ids, forms, patch.schoolID])
    }

    func insert(accountID: Int64, topicID: String, form: EnrollmentForm, now: Int64) throws {
        try db.execute(
            "INSERT INTO enrollment (account_id, topic_id, school_id, form, created_at) VALUES ($1, $2, $3, $4, $5)",
            [accountID, topicID, form.schoolId, try CatalogJSON.encodeString(form), now])
    }

    func enrollment(accountID: Int64, topicID: String) throws -> EnrollmentRecord? {
        try db.first(Self.select + " WHERE e.account_id = $1 AND e.topic_id = $2", [accountID, topicID]).map(Self.record)
    }

    func count(_ filter: EnrollmentFilter) throws -> Int {
        var arguments: [any PostgresBindable] = []
        let condition = Self.condition(filter, &arguments)
        return try db.first("SELECT count(*) \(Self.from) WHERE \(condition)", arguments)?[0] ?? 0
    }

    func enrollments(_ filter: EnrollmentFilter, after: Int64, limit: Int) throws -> [EnrollmentRecord] {
        var arguments: [any PostgresBindable] = []
        let condition = Self.condition(filter, &arguments)
        arguments += [after, limit]
        return try db.execute(
            Self.select + " WHERE \(condition) AND e.id > $\(arguments.count - 1) ORDER BY e.id LIMIT $\(arguments.count)", arguments
        ).map(Self.record)
    }

    /// The condition of a listing; its arguments are appended to `arguments`, numbered after those already there.
    static func condition(_ filter: EnrollmentFilter, _ arguments: inout [any PostgresBindable]) -> String {
        arguments.append(filter.topicID)
        var condition = "e.topic_id = $\(arguments.count)"
        if let schoolID = filter.schoolID {
            arguments.append(schoolID)
            condition += " AND m.school_id = $\(arguments.count)"
        }
        return condition + " AND " + scopeCondition(filter.scope, &arguments)
    }

    /// A condition on the teacher's current membership `m.school_id` / `s.region_code`:
    /// administrators see the members of their schools now, never a copy taken earlier.
    static func scopeCondition(_ scope: EnrollmentScope, _ arguments: inout [any PostgresBindable]) -> String {
        if scope.everything { return "TRUE" }
        var parts: [String] = []
        if !scope.schoolIDs.isEmpty {
            arguments.append(scope.schoolIDs.sorted())
            parts.append("m.school_id = ANY($\(arguments.count))")
        }
        if !scope.countyCodes.isEmpty {
            arguments.append(scope.countyCodes.sorted())
            parts.append("s.region_code = ANY($\(arguments.count))")
        }
        return "m.school_id IS NOT NULL AND (" + parts.joined(separator: " OR ") + ")"
    }

    static func record(_ row: PostgresRow) throws -> EnrollmentRecord {
        EnrollmentRecord(
            id: row["id"], accountID: row["account_id"], topicID: row["topic_id"], schoolID: row["school_id"], schoolName: row["school_name"],
            regionCode: row["region_code"], phone: row["phone"], form: try CatalogJSON.decode(EnrollmentForm.self, from: row["form"]),
            membership: EnrollmentRecord.Membership(
                status: row["status"], verifiedMentalHealthTeacher: row["verified_mental_health"] ?? false,
                verifiedHomeroomTeacher: row["verified_homeroom"] ?? false),
            createdAt: row["created_at"])
    }
}
