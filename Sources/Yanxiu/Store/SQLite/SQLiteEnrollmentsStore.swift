import GRDB

/// `EnrollmentsStore` on SQLite: the `enrollment` table and the account, membership, school
/// and grant rows enrolment reads.
struct SQLiteEnrollmentsStore: EnrollmentsStore {
    let db: Database

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
        try Int64.fetchOne(db, sql: "SELECT id FROM enrollment WHERE account_id = ? AND topic_id = ?", arguments: [accountID, topicID])
    }

    func hasEnrollments(accountID: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM enrollment WHERE account_id = ? LIMIT 1", arguments: [accountID]) == true
    }

    func enrollmentAccount(id: Int64) throws -> EnrollmentAccount? {
        guard let row = try Row.fetchOne(
            db,
            sql: """
                SELECT a.identity, a.name, a.teacher_type, a.school_id, a.id_type, a.id_number, a.title, a.stage, a.subject,
                       m.status, m.declared_mental_health, m.declared_homeroom
                FROM account a LEFT JOIN school_member m ON m.account_id = a.id WHERE a.id = ?
                """,
            arguments: [id])
        else { return nil }
        return EnrollmentAccount(
            id: id, identity: row["identity"], name: row["name"], teacherType: row["teacher_type"], schoolID: row["school_id"],
            idType: row["id_type"], idNumber: row["id_number"], title: row["title"], stage: row["stage"], subject: row["subject"],
            membershipStatus: row["status"], declaredMentalHealth: row["declared_mental_health"], declaredHomeroom: row["declared_homeroom"])
    }

    func schoolExists(id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM school WHERE id = ?", arguments: [id]) ?? false
    }

    func schoolRegion(id: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT region_code FROM school WHERE id = ?", arguments: [id])
    }

    func grants(accountID: Int64) throws -> [(role: String, scope: String)] {
        try Row.fetchAll(db, sql: "SELECT role, scope FROM admin_grant WHERE account_id = ?", arguments: [accountID])
            .map { (role: $0["role"] as String, scope: $0["scope"] as String) }
    }

    func updateProfile(accountID: Int64, fields: [(name: String, value: String)], now: Int64) throws {
        guard !fields.isEmpty else { return }
        var assignments: [String] = []
        var arguments = StatementArguments()
        for field in fields {
            guard let column = Self.profileColumns[field.name] else { preconditionFailure("no profile field \(field.name)") }
            assignments.append("\(column) = ?")
            if field.name == "schoolId" { arguments += [Int64(field.value)] } else { arguments += [field.value] }
        }
        arguments += [now, accountID]
        try db.execute(sql: "UPDATE account SET \(assignments.joined(separator: ", ")), updated_at = ? WHERE id = ?", arguments: arguments)
    }

    func updateForms(accountID: Int64, _ patch: EnrollmentFormPatch) throws {
        guard !patch.isEmpty else { return }
        var paths: [String] = []
        var arguments = StatementArguments()
        for field in patch.fields {
            paths.append("'$.\(field.name)', ?")
            arguments += [field.value]
        }
        if let schoolID = patch.schoolID {
            paths.append("'$.schoolId', ?")
            arguments += [schoolID]
        }
        // json('true') keeps the declarations JSON booleans.
        var declared = ""
        if let mentalHealth = patch.declaredMentalHealth, let homeroom = patch.declaredHomeroom {
            declared = ", '$.isMentalHealthTeacher', json('\(mentalHealth)'), '$.isHomeroomTeacher', json('\(homeroom)')"
        }
        let set = "json_set(form" + paths.map { ", " + $0 }.joined() + declared + ")"
        arguments += [patch.schoolID, accountID]
        try db.execute(sql: "UPDATE enrollment SET form = \(set), school_id = coalesce(?, school_id) WHERE account_id = ?", arguments: arguments)
    }

    func insert(accountID: Int64, topicID: String, form: EnrollmentForm, now: Int64) throws {
        try db.execute(
            sql: "INSERT INTO enrollment (account_id, topic_id, school_id, form, created_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [accountID, topicID, form.schoolId, try CatalogJSON.encodeString(form), now])
    }

    func enrollment(accountID: Int64, topicID: String) throws -> EnrollmentRecord? {
        try Row.fetchOne(db, sql: Self.select + " WHERE e.account_id = ? AND e.topic_id = ?", arguments: [accountID, topicID]).map(Self.record)
    }

    func count(_ filter: EnrollmentFilter) throws -> Int {
        let (condition, arguments) = Self.condition(filter)
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) \(Self.from) WHERE \(condition)", arguments: arguments) ?? 0
    }

    func enrollments(_ filter: EnrollmentFilter, after: Int64, limit: Int) throws -> [EnrollmentRecord] {
        let (condition, arguments) = Self.condition(filter)
        return try Row.fetchAll(
            db, sql: Self.select + " WHERE \(condition) AND e.id > ? ORDER BY e.id LIMIT ?", arguments: arguments + [after, limit]
        ).map(Self.record)
    }

    /// The condition of a listing and its arguments.
    static func condition(_ filter: EnrollmentFilter) -> (sql: String, arguments: StatementArguments) {
        var condition = "e.topic_id = ?"
        var arguments: StatementArguments = [filter.topicID]
        if let schoolID = filter.schoolID {
            condition += " AND m.school_id = ?"
            arguments += [schoolID]
        }
        let (scopeSQL, scopeArguments) = scopeCondition(filter.scope)
        return (condition + " AND " + scopeSQL, arguments + scopeArguments)
    }

    /// A condition on the teacher's current membership `m.school_id` / `s.region_code`:
    /// administrators see the members of their schools now, never a copy taken earlier.
    static func scopeCondition(_ scope: EnrollmentScope) -> (sql: String, arguments: StatementArguments) {
        if scope.everything { return ("1", []) }
        var parts: [String] = []
        var arguments = StatementArguments()
        if !scope.schoolIDs.isEmpty {
            parts.append("m.school_id IN (\(databaseQuestionMarks(count: scope.schoolIDs.count)))")
            arguments += StatementArguments(scope.schoolIDs.sorted())
        }
        if !scope.countyCodes.isEmpty {
            parts.append("s.region_code IN (\(databaseQuestionMarks(count: scope.countyCodes.count)))")
            arguments += StatementArguments(scope.countyCodes.sorted())
        }
        return ("m.school_id IS NOT NULL AND (" + parts.joined(separator: " OR ") + ")", arguments)
    }

    static func record(_ row: Row) throws -> EnrollmentRecord {
        EnrollmentRecord(
            id: row["id"], accountID: row["account_id"], topicID: row["topic_id"], schoolID: row["school_id"], schoolName: row["school_name"],
            regionCode: row["region_code"], phone: row["phone"], form: try CatalogJSON.decode(EnrollmentForm.self, from: row["form"]),
            membership: EnrollmentRecord.Membership(
                status: row["status"], verifiedMentalHealthTeacher: row["verified_mental_health"] ?? false,
                verifiedHomeroomTeacher: row["verified_homeroom"] ?? false),
            createdAt: row["created_at"])
    }
}
