import GRDB

extension SQLiteAccountsStore {
    /// Nothing to wait for: one daemon owns the file, and its one writer runs one transaction at a time.
    func lockCounters(phone: String) throws {}

    func addLoginFailure(phone: String, client: String, at: Int64) throws {
        try db.execute(sql: "INSERT INTO login_failure (phone, client, at) VALUES (?, ?, ?)", arguments: [phone, client, at])
    }

    func loginFailureTimes(phone: String, client: String, after: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT at FROM login_failure WHERE phone = ? AND client = ? AND at > ?", arguments: [phone, client, after])
    }

    func deleteLoginFailures(phone: String, client: String?) throws {
        if let client {
            try db.execute(sql: "DELETE FROM login_failure WHERE phone = ? AND client = ?", arguments: [phone, client])
        } else {
            try db.execute(sql: "DELETE FROM login_failure WHERE phone = ?", arguments: [phone])
        }
    }

    func loginLock(phone: String, client: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT locked_until FROM login_lock WHERE phone = ? AND client = ?", arguments: [phone, client])
    }

    func setLoginLock(phone: String, client: String, until: Int64) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO login_lock (phone, client, locked_until) VALUES (?, ?, ?)", arguments: [phone, client, until])
    }

    func deleteLoginLocks(phone: String) throws {
        try db.execute(sql: "DELETE FROM login_lock WHERE phone = ?", arguments: [phone])
    }
}
