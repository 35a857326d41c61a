import Foundation
import GRDB
@testable import Yanxiu

/// A scratch store with one topic, one lesson and enrolled accounts, built by direct inserts.
struct ProgressFixture {
    let store: SQLiteStore
    let directory: String
    let clock: TestClock
    let pool: HeartbeatPool
    static let windowStart: Int64 = 1_673_193_600_000  // 2023-01-09T00:00:00+08:00
    static let windowEnd: Int64 = 1_677_600_000_000    // 2023-03-01T00:00:00+08:00

    /// Lesson `l1`: 600 s long, quiz at 300 s with two questions (answers [1] and [0, 2]).
    init(accounts: Int = 1, enrolled: Bool = true, lanes: Int = 4, queueLimit: Int = 4096) throws {
        directory = NSTemporaryDirectory() + "yanxiu-progress-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory + "/p.sqlite")
        clock = TestClock(startMs: Self.windowStart + 86_400_000)
        pool = HeartbeatPool(store: store, clock: clock, settings: ProgressSettings(), laneCount: lanes, queueLimit: queueLimit)
        let quiz = #"{"atSecond":300,"passMark":0,"questions":[{"id":"q1","prompt":"?","kind":"single","options":["a","b","c"],"answer":[1]},{"id":"q2","prompt":"?","kind":"multiple","options":["a","b","c"],"answer":[0,2]}]}"#
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at) VALUES ('t1', 'T', ?, ?, '{}', x'00', 0, 0)",
                           arguments: [Self.windowStart, Self.windowEnd])
            try db.execute(sql: "INSERT INTO course (topic_id, id, position, title) VALUES ('t1', 'c1', 0, 'C')")
            try db.execute(sql: "INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz) VALUES ('l1', 't1', 'c1', 0, 'L1', 600000, 1, 300000, ?)", arguments: [quiz])
            try db.execute(sql: "INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz) VALUES ('l2', 't1', 'c1', 1, 'L2', 600000, 1, 300000, ?)", arguments: [quiz])
            for n in 1...accounts {
                try db.execute(sql: "INSERT INTO account (id, phone, password_hash, identity, created_at, updated_at) VALUES (?, ?, 'x', 'teacher', 0, 0)", arguments: [n, "1380000\(String(format: "%04d", n))"])
                if enrolled {
                    try db.execute(sql: "INSERT INTO enrollment (account_id, topic_id, form, created_at) VALUES (?, 't1', '{}', 0)", arguments: [n])
                }
            }
        }
    }

    func beat(_ account: Int64 = 1, lesson: String = "l1", playback: String = "p1", seq: Int64, at positionSeconds: Double, state: String = "playing") async throws -> HeartbeatReceipt {
        try await pool.heartbeat(accountID: account, lessonId: lesson,
                                 Heartbeat(playbackId: playback, seq: seq, positionMs: Int64(positionSeconds * 1000), state: state, rate: 1))
    }

    func advance(_ seconds: Double) { clock.advance(byMs: Int64(seconds * 1000)) }

    func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }
}
