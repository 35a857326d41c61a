import GRDB

/// A teacher's enrolment forms repeat the profile (name, ID, teacher type, school, title, stage,
/// subject) and the declared roles. Copies taken once and read later go stale, so every change
/// of the profile or the declarations is carried into the forms and the enrolments' school:
/// lists, reports and issuance then read what the teacher's profile and membership say now.
enum EnrollmentFollowsProfile {
    static func update(_ db: Database, accountID: Int64) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM enrollment WHERE account_id = ? LIMIT 1", arguments: [accountID]) == true,
              let row = try Row.fetchOne(db, sql: """
                  SELECT a.name, a.id_type, a.id_number, a.teacher_type, a.school_id, a.title, a.stage, a.subject,
                         m.declared_mental_health, m.declared_homeroom
                  FROM account a LEFT JOIN school_member m ON m.account_id = a.id WHERE a.id = ?
                  """, arguments: [accountID])
        else { return }
        // A cleared profile field leaves the form's value: the form requires every one of them.
        var paths: [String] = []
        var arguments = StatementArguments()
        func follow(_ path: String, _ value: (any DatabaseValueConvertible)?) {
            guard let value else { return }
            paths.append("'$.\(path)', ?")
            arguments += [value]
        }
        for (path, column) in [("name", "name"), ("idType", "id_type"), ("idNumber", "id_number"), ("teacherType", "teacher_type"),
                               ("title", "title"), ("stage", "stage"), ("subject", "subject")] {
            follow(path, (row[column] as String?).flatMap { $0.isEmpty ? nil : $0 })
        }
        let schoolID: Int64? = row["school_id"]
        follow("schoolId", schoolID)
        // Declarations live in the membership while there is one; json('true') keeps them JSON booleans.
        var declared = ""
        if let mentalHealth = row["declared_mental_health"] as Bool?, let homeroom = row["declared_homeroom"] as Bool? {
            declared = ", '$.isMentalHealthTeacher', json('\(mentalHealth)'), '$.isHomeroomTeacher', json('\(homeroom)')"
        }
        guard !paths.isEmpty || !declared.isEmpty else { return }
        let set = "json_set(form" + paths.map { ", " + $0 }.joined() + declared + ")"
        arguments += [schoolID, accountID]
        try db.execute(sql: "UPDATE enrollment SET form = \(set), school_id = coalesce(?, school_id) WHERE account_id = ?", arguments: arguments)
    }
}
