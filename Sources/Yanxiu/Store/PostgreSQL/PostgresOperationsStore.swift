import Foundation
import Postgres

/// `OperationsStore` on PostgreSQL: rows of `daemon_meta` and the migrator's record.
struct PostgresOperationsStore: OperationsStore {
    let db: PostgresDatabase

    /// The `daemon_meta` key of the last backup.
    static let backupKey = "backup.last"

    func claimFirstStart(_ step: String, now: Int64) throws -> Bool {
        try db.execute(
            "INSERT INTO daemon_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
            [step, Timestamp.format(now)]
        ).affectedRows == 1
    }

    /// `ON CONFLICT DO NOTHING` waits for a concurrent proposal to commit; the read after it, a
    /// statement of its own, sees the winner.
    func sharedValue(_ key: String, proposing proposed: String) throws -> String {
        try db.execute("INSERT INTO daemon_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", [key, proposed])
        return try db.first("SELECT value FROM daemon_meta WHERE key = $1", [key])!["value"]
    }

    /// The job's transaction-level advisory lock (its own class in the two-key space) is held
    /// until the claim commits: a daemon that cannot take it skips the run at once.
    func claimScheduledRun(_ job: ScheduledJob, now: Int64, intervalMs: Int64) throws -> Bool {
        let locked: Bool = try db.first("SELECT pg_try_advisory_xact_lock($1::integer, $2::integer)", [Self.scheduledJobLockClass, job.lockKey])![0]
        guard locked else { return false }
        return try db.execute("""
            INSERT INTO daemon_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value
            WHERE daemon_meta.value::bigint <= $3::bigint
            """, [job.metaKey, String(now), now - intervalMs]).affectedRows == 1
    }

    /// The advisory lock class of scheduled jobs.
    static let scheduledJobLockClass: Int64 = 0x59_58_02

    /// The server libpq chose among the hosts of the connection string (after a failover, the
    /// new one), and whether it is in recovery.
    func server() throws -> DatabaseServer? {
        let recovering: Bool = try db.first("SELECT pg_is_in_recovery()")![0]
        return DatabaseServer(address: "\(db.connection.server)/\(db.connection.database)", primary: !recovering)
    }

    /// The rows of `yanxiu_migrations` (see `PostgresMigrator`).
    func schemaVersion() throws -> Int {
        try db.first("SELECT count(*) FROM yanxiu_migrations")?[0] ?? 0
    }

    func recordBackup(_ summary: BackupSummary) throws {
        let text = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        try db.execute(
            "INSERT INTO daemon_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [Self.backupKey, text])
    }

    func lastBackup() throws -> BackupSummary? {
        guard let row = try db.first("SELECT value FROM daemon_meta WHERE key = $1", [Self.backupKey]) else { return nil }
        return try? JSONDecoder().decode(BackupSummary.self, from: Data((row[0] as String).utf8))
    }
}
