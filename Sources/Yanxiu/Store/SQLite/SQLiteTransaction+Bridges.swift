import GRDB

// Transitional: code of the progress and certificate areas that still holds a GRDB connection
// reaches the accounts area through these until it speaks in transactions.

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
