import Postgres

extension PostgresAccountsStore {
    func pruneSessions(expiredBy: Int64, limit: Int) throws -> Int {
        try PostgresBatchDelete(db: db, limit: limit).delete("session", key: "token_hash", "expires_at <= $2", [expiredBy])
    }

    func pruneCodes(issuedBy: Int64, limit: Int) throws -> Int {
        try PostgresBatchDelete(db: db, limit: limit).delete("sms_code", key: "id", "created_at <= $2", [issuedBy])
    }

    func pruneOutbox(sentBy: Int64, limit: Int) throws -> Int {
        try PostgresBatchDelete(db: db, limit: limit).delete("sms_outbox", key: "id", "sent_at <= $2", [sentBy])
    }

    func pruneLoginFailures(failedBy: Int64, limit: Int) throws -> Int {
        try PostgresBatchDelete(db: db, limit: limit).delete("login_failure", key: "id", "at <= $2", [failedBy])
    }

    func pruneLoginLocks(endedBy: Int64, limit: Int) throws -> Int {
        try PostgresBatchDelete(db: db, limit: limit).delete("login_lock", key: "phone, client", "locked_until <= $2", [endedBy])
    }
}

/// Deletes at most `limit` rows of a table matching a condition, so one pass keeps its commit short.
/// The limit is `$1`; the condition's own parameters start at `$2`.
struct PostgresBatchDelete {
    let db: PostgresDatabase
    let limit: Int

    func delete(_ table: String, key: String, _ condition: String, _ arguments: [any PostgresBindable]) throws -> Int {
        try db.execute(
            "DELETE FROM \(table) WHERE (\(key)) IN (SELECT \(key) FROM \(table) WHERE \(condition) LIMIT $1)", [limit as any PostgresBindable] + arguments
        ).affectedRows
    }
}
