import GRDB

// Transitional: the membership and locked-field rules of the accounts area and its profile
// editor still speak GRDB's `Database`. These overloads let the enrolment service call them
// with its transaction, and the profile editor carry profile changes into enrolment forms,
// until the accounts area takes `any StoreTransaction`; then they go.

extension SQLiteTransaction {
    /// The connection under a transaction of this engine.
    static func database(of tx: any StoreTransaction) -> Database {
        guard let sqlite = tx as? SQLiteTransaction else { preconditionFailure("not a SQLite transaction") }
        return sqlite.db
    }
}

extension SchoolMembership {
    static func join(_ tx: any StoreTransaction, accountID: Int64, schoolID: Int64, now: Int64) throws {
        try join(SQLiteTransaction.database(of: tx), accountID: accountID, schoolID: schoolID, now: now)
    }

    static func declare(_ tx: any StoreTransaction, accountID: Int64, mentalHealth: Bool?, homeroom: Bool?) throws {
        try declare(SQLiteTransaction.database(of: tx), accountID: accountID, mentalHealth: mentalHealth, homeroom: homeroom)
    }
}

extension LockedFields {
    static func recordFilled(_ tx: any StoreTransaction, accountID: Int64, fields: [String], via method: String, now: Int64) throws {
        try recordFilled(SQLiteTransaction.database(of: tx), accountID: accountID, fields: fields, via: method, now: now)
    }
}

extension EnrollmentFollowsProfile {
    static func update(_ db: Database, accountID: Int64) throws {
        try update(SQLiteTransaction(db), accountID: accountID)
    }
}
