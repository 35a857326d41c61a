import JSONValues
import Postgres

/// `MembershipsStore` on PostgreSQL: memberships here, administrator grants in `+Grants`.
struct PostgresMembershipsStore: MembershipsStore {
    let db: PostgresDatabase

    func member(accountID: Int64) throws -> SchoolMember? {
        try db.first("SELECT * FROM school_member WHERE account_id = $1", [accountID]).map(Self.member)
    }

    func insertPendingMember(accountID: Int64, schoolID: Int64, declaredMentalHealth: Bool, declaredHomeroom: Bool, joinedAt: Int64) throws {
        try db.execute(
            """
            INSERT INTO school_member (account_id, school_id, declared_mental_health, declared_homeroom, status, joined_at)
            VALUES ($1, $2, $3, $4, 'pending', $5)
            """,
            [accountID, schoolID, declaredMentalHealth, declaredHomeroom, joinedAt])
    }

    func moveMember(accountID: Int64, toSchool schoolID: Int64, joinedAt: Int64) throws {
        try db.execute(
            """
            UPDATE school_member SET school_id = $1, status = 'pending', verified_mental_health = FALSE, verified_homeroom = FALSE,
                verified_by = NULL, verified_at = NULL, joined_at = $2 WHERE account_id = $3
            """,
            [schoolID, joinedAt, accountID])
    }

    /// One statement: a role left nil keeps its value.
    func declareRoles(accountID: Int64, mentalHealth: Bool?, homeroom: Bool?) throws {
        guard mentalHealth != nil || homeroom != nil else { return }
        try db.execute(
            """
            UPDATE school_member SET declared_mental_health = COALESCE($1, declared_mental_health),
                declared_homeroom = COALESCE($2, declared_homeroom) WHERE account_id = $3
            """,
            [mentalHealth, homeroom, accountID])
    }

    func markVerified(accountID: Int64, mentalHealth: Bool, homeroom: Bool, verifierAccountID: Int64?, at: Int64) throws {
        try db.execute(
            """
            UPDATE school_member SET status = 'verified', verified_mental_health = $1, verified_homeroom = $2, verified_by = $3, verified_at = $4
            WHERE account_id = $5
            """,
            [mentalHealth, homeroom, verifierAccountID, at, accountID])
    }

    func removeMember(accountID: Int64) throws {
        try db.execute("DELETE FROM school_member WHERE account_id = $1", [accountID])
    }

    func members(schoolID: Int64, status: MemberStatus?) throws -> [SchoolMemberListing] {
        var sql = "SELECT m.*, a.name, a.phone, a.id_type, a.id_number, a.teacher_type FROM school_member m JOIN account a ON a.id = m.account_id WHERE m.school_id = $1"
        var arguments: [any PostgresBindable] = [schoolID]
        if let status { sql += " AND m.status = $2"; arguments.append(status.rawValue) }
        sql += " ORDER BY m.joined_at, m.account_id"
        return try db.execute(sql, arguments).map { row in
            SchoolMemberListing(
                member: Self.member(row), name: row["name"], teacherType: row["teacher_type"], phone: row["phone"],
                idType: row["id_type"], idNumber: row["id_number"])
        }
    }

    /// The form is JSON in a TEXT column, read here rather than in SQL; a role it leaves out or
    /// gives as anything but `true` counts as not declared.
    func rolesOnNewestEnrollmentForm(accountID: Int64) throws -> (mentalHealth: Bool, homeroom: Bool)? {
        guard let row = try db.first("SELECT form FROM enrollment WHERE account_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1", [accountID])
        else { return nil }
        let form = try JSONParser.parse(row["form"] as String)
        return (form["isMentalHealthTeacher"] == true, form["isHomeroomTeacher"] == true)
    }

    /// A `school_member` row (or a row holding its columns).
    static func member(_ row: PostgresRow) -> SchoolMember {
        SchoolMember(
            accountID: row["account_id"], schoolID: row["school_id"],
            declaredMentalHealth: row["declared_mental_health"], declaredHomeroom: row["declared_homeroom"],
            isVerified: row["status"] as String == "verified",
            verifiedMentalHealth: row["verified_mental_health"], verifiedHomeroom: row["verified_homeroom"],
            verifiedAt: row["verified_at"], joinedAt: row["joined_at"])
    }
}
