import Foundation
import GRDB

/// The last successful backup, kept in `daemon_meta` so `yanxiuctl status` can say how old the
/// newest copy is even after a restart.
public enum BackupLog {
    static let key = "backup.last"

    public static func record(_ db: Database, _ summary: BackupSummary) throws {
        let text = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO daemon_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            arguments: [key, text])
    }

    public static func last(_ db: Database) throws -> BackupSummary? {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM daemon_meta WHERE key = ?", arguments: [key]) else { return nil }
        return try? JSONDecoder().decode(BackupSummary.self, from: Data(text.utf8))
    }
}
