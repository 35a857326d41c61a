import Foundation
import GRDB

/// `OperationsStore` on SQLite: rows of `daemon_meta` and the migrator's record.
struct SQLiteOperationsStore: OperationsStore {
    let db: Database

    /// The `daemon_meta` key of the last backup.
    static let backupKey = "backup.last"

    func claimFirstStart(_ step: String, now: Int64) throws -> Bool {
        let seeded = try Bool.fetchOne(db, sql: "SELECT 1 FROM daemon_meta WHERE key = ?", arguments: [step]) ?? false
        guard !seeded else { return false }
        try db.execute(sql: "INSERT INTO daemon_meta (key, value) VALUES (?, ?)", arguments: [step, Timestamp.format(now)])
        return true
    }

    func sharedValue(_ key: String, proposing proposed: String) throws -> String {
        try db.execute(sql: "INSERT INTO daemon_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", arguments: [key, proposed])
        return try String.fetchOne(db, sql: "SELECT value FROM daemon_meta WHERE key = ?", arguments: [key])!
    }

    /// One daemon owns the file, and its writer runs one transaction at a time: only the time is checked.
    func claimScheduledRun(_ job: ScheduledJob, now: Int64, intervalMs: Int64) throws -> Bool {
        try db.execute(sql: """
            INSERT INTO daemon_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
            WHERE CAST(daemon_meta.value AS INTEGER) <= ?
            """, arguments: [job.metaKey, String(now), now - intervalMs])
        return db.changesCount == 1
    }

    func server() throws -> DatabaseServer? { nil }

    func schemaVersion() throws -> Int {
        try Migrations.migrator.appliedIdentifiers(db).count
    }

    func recordBackup(_ summary: BackupSummary) throws {
        let text = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO daemon_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            arguments: [Self.backupKey, text])
    }

    func lastBackup() throws -> BackupSummary? {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM daemon_meta WHERE key = ?", arguments: [Self.backupKey]) else { return nil }
        return try? JSONDecoder().decode(BackupSummary.self, from: Data(text.utf8))
    }
}
