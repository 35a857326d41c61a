import GRDB

extension SQLiteAccountsStore {
    func pruneSessions(expiredBy: Int64, limit: Int) throws -> Int {
        try SQLiteBatchDelete(db: db, limit: limit).delete("session", key: "token_hash", "expires_at <= ?", [expiredBy])
    }

    func pruneCodes(issuedBy: Int64, limit: Int) throws -> Int {
        try SQLiteBatchDelete(db: db, limit: limit).delete("sms_code", key: "id", "created_at <= ?", [issuedBy])
    }

    func pruneOutbox(sentBy: Int64, limit: Int) throws -> Int {
        try SQLiteBatchDelete(db: db, limit: limit).delete("sms_outbox", key: "id", "sent_at <= ?", [sentBy])
    }

    func pruneLoginFailures(failedBy: Int64, limit: Int) throws -> Int {
        try SQLiteBatchDelete(db: db, limit: limit).delete("login_failure", key: "id", "at <= ?", [failedBy])
    }

    func pruneLoginLocks(endedBy: Int64, limit: Int) throws -> Int {
        try SQLiteBatchDelete(db: db, limit: limit).delete("login_lock", key: "phone, client", "locked_until <= ?", [endedBy])
    }
}

/// Deletes at most `limit` rows of a table matching a condition, so one pass keeps its commit short.
struct SQLiteBatchDelete {
    let db: Database
    let limit: Int

    func delete(_ table: String, key: String, _ condition: String, _ arguments: StatementArguments) throws -> Int {
        try db.execute(
            sql: "DELETE FROM \(table) WHERE (\(key)) IN (SELECT \(key) FROM \(table) WHERE \(condition) LIMIT \(limit))", arguments: arguments)
        return db.changesCount
    }
}
