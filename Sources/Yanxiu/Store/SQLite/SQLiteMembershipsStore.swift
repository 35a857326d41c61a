import GRDB

/// `MembershipsStore` on SQLite: memberships here, administrator grants in `+Grants`.
struct SQLiteMembershipsStore: MembershipsStore {
    let db: Database

    func member(accountID: Int64) throws -> SchoolMember? {
        try Row.fetchOne(db, sql: "SELECT * FROM school_member WHERE account_id = ?", arguments: [accountID]).map(Self.member)
    }

    func insertPendingMember(accountID: Int64, schoolID: Int64, declaredMentalHealth: Bool, declaredHomeroom: Bool, joinedAt: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO school_member (account_id, school_id, declared_mental_health, declared_homeroom, status, joined_at)
                VALUES (?, ?, ?, ?, 'pending', ?)
                """,
            arguments: [accountID, schoolID, declaredMentalHealth, declaredHomeroom, joinedAt])
    }

    func moveMember(accountID: Int64, toSchool schoolID: Int64, joinedAt: Int64) throws {
        try db.execute(
            sql: """
                UPDATE school_member SET school_id = ?, status = 'pending', verified_mental_health = 0, verified_homeroom = 0,
                    verified_by = NULL, verified_at = NULL, joined_at = ? WHERE account_id = ?
                """,
            arguments: [schoolID, joinedAt, accountID])
    }

    func declareRoles(accountID: Int64, mentalHealth: Bool?, homeroom: Bool?) throws {
        if let mentalHealth {
            try db.execute(sql: "UPDATE school_member SET declared_mental_health = ? WHERE account_id = ?", arguments: [mentalHealth, accountID])
        }
        if let homeroom {
            try db.execute(sql: "UPDATE school_member SET declared_homeroom = ? WHERE account_id = ?", arguments: [homeroom, accountID])
        }
    }

    func markVerified(accountID: Int64, mentalHealth: Bool, homeroom: Bool, verifierAccountID: Int64?, at: Int64) throws {
        try db.execute(
            sql: """
                UPDATE school_member SET status = 'verified', verified_mental_health = ?, verified_homeroom = ?, verified_by = ?, verified_at = ?
                WHERE account_id = ?
                """,
            arguments: [mentalHealth, homeroom, verifierAccountID, at, accountID])
    }

    func removeMember(accountID: Int64) throws {
        try db.execute(sql: "DELETE FROM school_member WHERE account_id = ?", arguments: [accountID])
    }

    func members(schoolID: Int64, status: MemberStatus?) throws -> [SchoolMemberListing] {
        var sql = "SELECT m.*, a.name, a.phone, a.id_type, a.id_number, a.teacher_type FROM school_member m JOIN account a ON a.id = m.account_id WHERE m.school_id = ?"
        var arguments: StatementArguments = [schoolID]
        if let status { sql += " AND m.status = ?"; arguments += [status.rawValue] }
        sql += " ORDER BY m.joined_at, m.account_id"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            SchoolMemberListing(
                member: Self.member(row), name: row["name"], teacherType: row["teacher_type"], phone: row["phone"],
                idType: row["id_type"], idNumber: row["id_number"])
        }
    }

    func rolesOnNewestEnrollmentForm(accountID: Int64) throws -> (mentalHealth: Bool, homeroom: Bool)? {
        let row = try Row.fetchOne(db, sql: """
            SELECT coalesce(json_extract(form, '$.isMentalHealthTeacher'), 0) AS mh, coalesce(json_extract(form, '$.isHomeroomTeacher'), 0) AS hr
            FROM enrollment WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT 1
            """, arguments: [accountID])
        return row.map { ((($0["mh"] as Bool?) ?? false), (($0["hr"] as Bool?) ?? false)) }
    }

    /// A `school_member` row (or a row holding its columns).
    static func member(_ row: Row) -> SchoolMember {
        SchoolMember(
            accountID: row["account_id"], schoolID: row["school_id"],
            declaredMentalHealth: row["declared_mental_health"] as Int64 != 0, declaredHomeroom: row["declared_homeroom"] as Int64 != 0,
            isVerified: row["status"] == "verified",
            verifiedMentalHealth: row["verified_mental_health"] as Int64 != 0, verifiedHomeroom: row["verified_homeroom"] as Int64 != 0,
            verifiedAt: row["verified_at"], joinedAt: row["joined_at"])
    }
}
