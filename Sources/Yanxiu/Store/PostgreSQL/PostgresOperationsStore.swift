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
