import GRDB
import JSONRPC

// Transitional bridges between areas while they move behind their stores. The accounts area
// reaches the operations of the directory, membership and enrolment areas that still take a GRDB
// connection through the transaction, and code of those areas still holding a connection reaches
// the accounts area. Each bridge goes once the area on the other side speaks in transactions.

extension SQLiteTransaction {
    /// The connection under a transaction of this engine (the only engine so far).
    static func database(of tx: any StoreTransaction) -> Database {
        guard let sqlite = tx as? SQLiteTransaction else { preconditionFailure("a GRDB bridge was handed a transaction of another engine") }
        return sqlite.db
    }
}

extension SchoolDirectory {
    /// The school as callers see it, when it exists.
    static func json(_ tx: any StoreTransaction, id: Int64) throws -> JSONValue? {
        try fetch(SQLiteTransaction.database(of: tx), id: id).map(json)
    }

    /// 404 `school.unknown` unless the school exists.
    static func require(_ tx: any StoreTransaction, id: Int64) throws {
        _ = try require(SQLiteTransaction.database(of: tx), id: id)
    }
}

extension SchoolMembership {
    static func fetch(_ tx: any StoreTransaction, accountID: Int64) throws -> SchoolMember? {
        try fetch(SQLiteTransaction.database(of: tx), accountID: accountID)
    }

    static func isLocked(_ tx: any StoreTransaction, accountID: Int64) throws -> Bool {
        try isLocked(SQLiteTransaction.database(of: tx), accountID: accountID)
    }

    static func join(_ tx: any StoreTransaction, accountID: Int64, schoolID: Int64, now: Int64) throws {
        try join(SQLiteTransaction.database(of: tx), accountID: accountID, schoolID: schoolID, now: now)
    }

    static func declare(_ tx: any StoreTransaction, accountID: Int64, mentalHealth: Bool?, homeroom: Bool?) throws {
        try declare(SQLiteTransaction.database(of: tx), accountID: accountID, mentalHealth: mentalHealth, homeroom: homeroom)
    }

    static func leave(_ tx: any StoreTransaction, accountID: Int64) throws {
        try leave(SQLiteTransaction.database(of: tx), accountID: accountID)
    }
}

extension AdminGrants {
    static func list(_ tx: any StoreTransaction, accountID: Int64) throws -> [JSONValue] {
        try list(SQLiteTransaction.database(of: tx), accountID: accountID)
    }
}

extension EnrollmentFollowsProfile {
    static func update(_ tx: any StoreTransaction, accountID: Int64) throws {
        try update(SQLiteTransaction.database(of: tx), accountID: accountID)
    }
}

extension AccountRecord {
    /// The account, or 404 `account.unknown`.
    public static func require(_ db: Database, id: Int64) throws -> AccountRecord {
        try SQLiteAccountsStore(db: db).requireAccount(id: id)
    }
}

extension LockedFields {
    public static func recordFilled(_ db: Database, accountID: Int64, fields: [String], via method: String, now: Int64) throws {
        try recordFilled(SQLiteTransaction(db), accountID: accountID, fields: fields, via: method, now: now)
    }
}

extension SessionAuthenticator {
    public static func authenticate(_ db: Database, token: String, now: Int64) throws -> AuthenticatedAccount {
        try authenticate(SQLiteTransaction(db), token: token, now: now)
    }
}
