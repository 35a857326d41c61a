import Foundation
import GRDB
import Yanxiu

/// A state folder with enrolled teachers, each with a known session token, ready for a daemon.
enum BenchDataSet {
    static let topicId = "bench-topic"
    static let lessonId = "bench-lesson"
    static let lessonSeconds = 7200

    static func token(_ teacher: Int) -> String { "bench-session-\(teacher)" }

    /// Seeds `teachers` enrolled accounts with sessions into a new database at `path`.
    static func seed(path: String, teachers: Int, now: Int64) throws {
        let store = try SQLiteStore(path: path)
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
                VALUES (?, 'Benchmark topic', ?, ?, '{"maxPlaybackRate":1.0}', x'00', ?, ?)
                """, arguments: [topicId, now - 86_400_000, now + 365 * 86_400_000, now, now])
            try db.execute(sql: "INSERT INTO course (topic_id, id, position, title) VALUES (?, 'c1', 0, 'Benchmark course')", arguments: [topicId])
            try db.execute(sql: """
                INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
                VALUES (?, ?, 'c1', 0, 'Benchmark lesson', ?, 1, ?, '{"questions":[]}')
                """, arguments: [lessonId, topicId, lessonSeconds * 1000, (lessonSeconds - 60) * 1000])
            let account = try db.makeStatement(sql: "INSERT INTO account (id, phone, password_hash, identity, name, created_at, updated_at) VALUES (?, ?, 'x', 'teacher', ?, ?, ?)")
            let enroll = try db.makeStatement(sql: "INSERT INTO enrollment (account_id, topic_id, form, created_at) VALUES (?, ?, '{}', ?)")
            let session = try db.makeStatement(sql: "INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
            for teacher in 1...teachers {
                try account.execute(arguments: [teacher, String(format: "139%08d", teacher), "教师\(teacher)", now, now])
                try enroll.execute(arguments: [teacher, topicId, now])
                try session.execute(arguments: [SessionAuthenticator.hash(token(teacher)), teacher, now, now + 30 * 86_400_000])
            }
        }
        try store.close()
    }
}
