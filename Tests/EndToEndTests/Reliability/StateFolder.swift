import Foundation
import Testing

/// Direct access to a daemon's database with the sqlite3 shell: read-only checks, and seeding
/// what no method creates yet (topics and lessons arrive with the catalog).
struct StateFolder {
    let directory: String
    var database: String { directory + "/yanxiu.sqlite" }

    /// Rows of `sql` (tab-separated fields), read through a read-only connection.
    func rows(_ sql: String) throws -> [[String]] {
        let result = try run("/usr/bin/sqlite3", ["-readonly", "-batch", "-noheader", "-separator", "\t", "file:\(database)?mode=ro", sql])
        guard result.status == 0 else { throw SQLiteFailed(output: result.output) }
        return result.output.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    func value(_ sql: String) throws -> String { try rows(sql).first?.first ?? "" }

    /// What SQLite's own consistency check says ("ok" when the file is sound).
    func integrity() throws -> String { try rows("PRAGMA integrity_check").map { $0.joined() }.joined(separator: "; ") }

    /// Runs statements on the database while no daemon has it open.
    func seed(_ sql: String) throws {
        let result = try run("/usr/bin/sqlite3", ["-batch", database, sql])
        guard result.status == 0 else { throw SQLiteFailed(output: result.output) }
    }

    /// Topic `t1` (open from 1970 to 2100) with lesson `l1` of an hour, quiz at 50 min, and `accounts` enrolled.
    func seedLesson(enrolling accounts: [Int64]) throws {
        let quiz = #"{"atSecond":3000,"passMark":0,"questions":[{"id":"q1","prompt":"?","kind":"single","options":["a","b"],"answer":[1]}]}"#
        var sql = """
            INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
                VALUES ('t1', 'T', 0, 4102444800000, '{}', x'00', 0, 0);
            INSERT INTO course (topic_id, id, position, title) VALUES ('t1', 'c1', 0, 'C');
            INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
                VALUES ('l1', 't1', 'c1', 0, 'L1', 3600000, 1, 3000000, '\(quiz)');
            """
        for account in accounts {
            sql += "INSERT INTO enrollment (account_id, topic_id, form, created_at) VALUES (\(account), 't1', '{}', 0);\n"
        }
        try seed(sql)
    }
}

struct SQLiteFailed: Error, CustomStringConvertible {
    let output: String
    var description: String { "sqlite3 failed: \(output)" }
}
