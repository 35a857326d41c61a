import Foundation
import Testing

/// Read access to a daemon's database, to check what was stored: the sqlite3 shell on a
/// read-only connection, or psql when the tests run on PostgreSQL.
struct StateFolder {
    let directory: String
    var database: String { directory + "/yanxiu.sqlite" }

    /// Rows of `sql` (tab-separated fields), read through a read-only connection.
    func rows(_ sql: String) throws -> [[String]] {
        if LiveDaemon.store == .postgresql {
            return try StateDatabase.run(sql, directory: directory).split(separator: "\n", omittingEmptySubsequences: true)
                .map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        }
        let result = try run("/usr/bin/sqlite3", ["-readonly", "-batch", "-noheader", "-separator", "\t", "file:\(database)?mode=ro", sql])
        guard result.status == 0 else { throw SQLiteFailed(output: result.output) }
        return result.output.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    func value(_ sql: String) throws -> String { try rows(sql).first?.first ?? "" }

    /// What SQLite's own consistency check says ("ok" when the file is sound); SQLite only.
    func integrity() throws -> String { try rows("PRAGMA integrity_check").map { $0.joined() }.joined(separator: "; ") }
}

struct SQLiteFailed: Error, CustomStringConvertible {
    let output: String
    var description: String { "sqlite3 failed: \(output)" }
}
