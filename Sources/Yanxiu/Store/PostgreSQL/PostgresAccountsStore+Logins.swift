import Postgres

extension PostgresAccountsStore {
    /// A transaction-level advisory lock on the phone (in the two-key space, with a class of its
    /// own): released at commit or rollback, so it lives exactly as long as the counts it guards.
    /// Every statement after it sees what the transaction before it committed (read committed).
    func lockCounters(phone: String) throws {
        try db.execute("SELECT pg_advisory_xact_lock($1::integer, hashtext($2))", [Self.phoneCountersLockClass, phone])
    }

    /// The advisory lock class of `lockCounters`.
    static let phoneCountersLockClass: Int64 = 0x59_58_01

    func addLoginFailure(phone: String, client: String, at: Int64) throws {
        try db.execute("INSERT INTO login_failure (phone, client, at) VALUES ($1, $2, $3)", [phone, client, at])
    }

    func loginFailureTimes(phone: String, client: String, after: Int64) throws -> [Int64] {
        try db.execute("SELECT at FROM login_failure WHERE phone = $1 AND client = $2 AND at > $3 ORDER BY at", [phone, client, after])
            .map { $0[0] }
    }

    func deleteLoginFailures(phone: String, client: String?) throws {
        if let client {
            try db.execute("DELETE FROM login_failure WHERE phone = $1 AND client = $2", [phone, client])
        } else {
            try db.execute("DELETE FROM login_failure WHERE phone = $1", [phone])
        }
    }

    func loginLock(phone: String, client: String) throws -> Int64? {
        try db.first("SELECT locked_until FROM login_lock WHERE phone = $1 AND client = $2", [phone, client])?[0]
    }

    func setLoginLock(phone: String, client: String, until: Int64) throws {
        try db.execute("""
            INSERT INTO login_lock (phone, client, locked_until) VALUES ($1, $2, $3)
            ON CONFLICT (phone, client) DO UPDATE SET locked_until = excluded.locked_until
            """, [phone, client, until])
    }

    func deleteLoginLocks(phone: String) throws {
        try db.execute("DELETE FROM login_lock WHERE phone = $1", [phone])
    }
}
