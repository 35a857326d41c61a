import GRDB
import JSONRPC

// Transitional: the profile and enrolment code that still holds a GRDB connection reaches the
// directory and memberships through these, which run the services on the same connection. They
// go once their callers take a `StoreTransaction`; the JSON shapes below are those the server
// builds in Sources/YanxiuServer/Methods/Accounts/DirectoryRendering.swift and
// MembershipRendering.swift, until the account view is built there too.

extension SchoolMembership {
    public static func fetch(_ db: Database, accountID: Int64) throws -> SchoolMember? {
        try fetch(SQLiteTransaction(db), accountID: accountID)
    }

    public static func isLocked(_ db: Database, accountID: Int64) throws -> Bool {
        try isLocked(SQLiteTransaction(db), accountID: accountID)
    }

    public static func join(_ db: Database, accountID: Int64, schoolID: Int64, now: Int64) throws {
        try join(SQLiteTransaction(db), accountID: accountID, schoolID: schoolID, now: now)
    }

    public static func declare(_ db: Database, accountID: Int64, mentalHealth: Bool?, homeroom: Bool?) throws {
        try declare(SQLiteTransaction(db), accountID: accountID, mentalHealth: mentalHealth, homeroom: homeroom)
    }

    public static func leave(_ db: Database, accountID: Int64) throws {
        try leave(SQLiteTransaction(db), accountID: accountID)
    }
}

extension SchoolDirectory {
    public static func fetch(_ db: Database, id: Int64) throws -> School? {
        try fetch(SQLiteTransaction(db), id: id)
    }

    @discardableResult
    public static func require(_ db: Database, id: Int64) throws -> School {
        try require(SQLiteTransaction(db), id: id)
    }

    public static func json(_ school: School) -> JSONValue {
        [
            "schoolId": .int64(school.id), "name": .string(school.name), "regionCode": .string(school.regionCode),
            "isOther": .bool(school.isOther), "code": .optional(school.code),
        ]
    }
}

extension AdminGrants {
    public static func list(_ db: Database, accountID: Int64?) throws -> [JSONValue] {
        try list(SQLiteTransaction(db), accountID: accountID).map { grant in
            ["userId": .int64(grant.accountID), "role": .string(grant.role.rawValue), "scope": .string(grant.scope), "grantedAt": .string(Timestamp.format(grant.grantedAt))]
        }
    }
}

extension SchoolMember {
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
