import GRDB
import JSONRPC

/// A teacher's membership of a school and the roles its administrator verified.
public struct SchoolMember: Sendable, Hashable {
    public var accountID: Int64
    public var schoolID: Int64
    public var declaredMentalHealth: Bool
    public var declaredHomeroom: Bool
    public var isVerified: Bool
    public var verifiedMentalHealth: Bool
    public var verifiedHomeroom: Bool
    public var verifiedAt: Int64?
    public var joinedAt: Int64

    init(row: Row) {
        accountID = row["account_id"]
        schoolID = row["school_id"]
        declaredMentalHealth = row["declared_mental_health"] as Int64 != 0
        declaredHomeroom = row["declared_homeroom"] as Int64 != 0
        isVerified = row["status"] == "verified"
        verifiedMentalHealth = row["verified_mental_health"] as Int64 != 0
        verifiedHomeroom = row["verified_homeroom"] as Int64 != 0
        verifiedAt = row["verified_at"]
        joinedAt = row["joined_at"]
    }

    public var json: JSONValue {
        [
            "schoolId": .int64(schoolID), "status": .string(isVerified ? "verified" : "pending"),
            "declared": ["mentalHealthTeacher": .bool(declaredMentalHealth), "homeroomTeacher": .bool(declaredHomeroom)],
            "verified": ["mentalHealthTeacher": .bool(isVerified && verifiedMentalHealth), "homeroomTeacher": .bool(isVerified && verifiedHomeroom)],
            "verifiedAt": verifiedAt.map { .string(Timestamp.format($0)) } ?? .null,
            "joinedAt": .string(Timestamp.format(joinedAt)),
        ]
    }
}

/// Joining, verification, removal and the profile lock that verification brings.
public enum SchoolMembership {
    public static func fetch(_ db: Database, accountID: Int64) throws -> SchoolMember? {
        try Row.fetchOne(db, sql: "SELECT * FROM school_member WHERE account_id = ?", arguments: [accountID]).map(SchoolMember.init(row:))
    }

    /// Whether the account's name, ID and school are locked by a verification.
    public static func isLocked(_ db: Database, accountID: Int64) throws -> Bool {
        try fetch(db, accountID: accountID)?.isVerified ?? false
    }

    /// Makes a teacher a pending member of `schoolID` (moving a pending membership there), keeping the
    /// declared roles. A verified membership of another school is a programming error: callers check the lock.
    public static func join(_ db: Database, accountID: Int64, schoolID: Int64, now: Int64) throws {
        if let member = try fetch(db, accountID: accountID) {
            guard member.schoolID != schoolID else { return }
            try db.execute(
                sql: """
                    UPDATE school_member SET school_id = ?, status = 'pending', verified_mental_health = 0, verified_homeroom = 0,
                        verified_by = NULL, verified_at = NULL, joined_at = ? WHERE account_id = ?
                    """,
                arguments: [schoolID, now, accountID])
        } else {
            // A teacher coming back (removed, or returning to the teacher identity) is pending again
            // with the roles the newest enrolment form declares, so the form and the queue agree.
            let declared = try Row.fetchOne(db, sql: """
                SELECT coalesce(json_extract(form, '$.isMentalHealthTeacher'), 0) AS mh, coalesce(json_extract(form, '$.isHomeroomTeacher'), 0) AS hr
                FROM enrollment WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT 1
                """, arguments: [accountID])
            try db.execute(
                sql: """
                    INSERT INTO school_member (account_id, school_id, declared_mental_health, declared_homeroom, status, joined_at)
                    VALUES (?, ?, ?, ?, 'pending', ?)
                    """,
                arguments: [accountID, schoolID, (declared?["mh"] as Bool?) ?? false, (declared?["hr"] as Bool?) ?? false, now])
        }
    }

    /// Records the roles a teacher declares (profile or enrolment form). Declarations never change a verification.
    public static func declare(_ db: Database, accountID: Int64, mentalHealth: Bool?, homeroom: Bool?) throws {
        if let mentalHealth {
            try db.execute(sql: "UPDATE school_member SET declared_mental_health = ? WHERE account_id = ?", arguments: [mentalHealth, accountID])
        }
        if let homeroom {
            try db.execute(sql: "UPDATE school_member SET declared_homeroom = ? WHERE account_id = ?", arguments: [homeroom, accountID])
        }
    }

    /// Ends a membership (the teacher left, or switched identity away from teacher).
    public static func leave(_ db: Database, accountID: Int64) throws {
        try db.execute(sql: "DELETE FROM school_member WHERE account_id = ?", arguments: [accountID])
    }

    /// The school's members with `status` (pending, verified, or nil for all), oldest first.
    public static func members(_ db: Database, schoolID: Int64, status: String?, unmasked: Bool) throws -> [JSONValue] {
        var sql = "SELECT m.*, a.name, a.phone, a.id_type, a.id_number, a.teacher_type FROM school_member m JOIN account a ON a.id = m.account_id WHERE m.school_id = ?"
        var arguments: StatementArguments = [schoolID]
        if let status { sql += " AND m.status = ?"; arguments += [status] }
        sql += " ORDER BY m.joined_at, m.account_id"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let member = SchoolMember(row: row)
            let phone: String = row["phone"]
            let idNumber: String? = row["id_number"]
            var object = member.json.objectValue!
            object["userId"] = .int64(member.accountID)
            object["name"] = .optional(row["name"] as String?)
            object["teacherType"] = .optional(row["teacher_type"] as String?)
            object["phone"] = .string(unmasked ? phone : Masking.phoneNumber(phone))
            object["idType"] = .optional(row["id_type"] as String?)
            object["idNumber"] = .optional(idNumber.map { unmasked ? $0 : Masking.idNumber($0) })
            return .object(object)
        }
    }

    /// Verifies a member's roles; locks the profile. 409 `member.already_verified` when nothing would change.
    public static func verify(_ db: Database, schoolID: Int64, accountID: Int64, mentalHealth: Bool, homeroom: Bool,
                              actor: AuditActor, now: Int64) throws -> SchoolMember {
        let school = try SchoolDirectory.require(db, id: schoolID)
        guard school["is_other"] as Int64 == 0 else {
            throw DomainError.conflict("school.is_other", "Teachers of an \"其他\" school cannot be verified; they must move to a real school")
        }
        guard let member = try fetch(db, accountID: accountID), member.schoolID == schoolID else {
            throw DomainError.notFound("member.unknown", "The account is not a member of this school")
        }
        try MembershipRefusals.checkNotSelf(actor: actor, accountID: accountID)
        try MembershipRefusals.checkDeclared(member, mentalHealth: mentalHealth, homeroom: homeroom)
        if member.isVerified, member.verifiedMentalHealth == mentalHealth, member.verifiedHomeroom == homeroom {
            throw DomainError.conflict("member.already_verified", "The teacher is already verified with these roles", data: ["userId": .int64(accountID)])
        }
        try db.execute(
            sql: """
                UPDATE school_member SET status = 'verified', verified_mental_health = ?, verified_homeroom = ?, verified_by = ?, verified_at = ?
                WHERE account_id = ?
                """,
            arguments: [mentalHealth, homeroom, actor.accountID, now, accountID])
        try AuditLog.record(db, at: now, actor: actor, action: "school.verifyTeacher", target: AccountRecord.target(accountID),
                            detail: ["schoolId": .int64(schoolID), "mentalHealthTeacher": .bool(mentalHealth), "homeroomTeacher": .bool(homeroom)])
        return try fetch(db, accountID: accountID)!
    }

    /// Ends a member's membership; the profile unlocks and a later edit makes the teacher pending again.
    public static func remove(_ db: Database, schoolID: Int64, accountID: Int64, actor: AuditActor, now: Int64) throws {
        _ = try SchoolDirectory.require(db, id: schoolID)
        guard let member = try fetch(db, accountID: accountID), member.schoolID == schoolID else {
            throw DomainError.notFound("member.unknown", "The account is not a member of this school")
        }
        try MembershipRefusals.checkNotSelf(actor: actor, accountID: accountID)
        try leave(db, accountID: accountID)
        try AuditLog.record(db, at: now, actor: actor, action: "school.removeTeacher", target: AccountRecord.target(accountID),
                            detail: ["schoolId": .int64(schoolID), "wasVerified": .bool(member.isVerified)])
    }
}
