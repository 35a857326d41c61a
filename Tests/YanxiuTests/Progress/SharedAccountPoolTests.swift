import Foundation
import Testing
@testable import Yanxiu

/// Two heartbeat pools on one store, as the lanes of two daemons on one database: each keeps its
/// own cached copy of an account's state, and the account's progress is still what one pool gives.
@Suite("Two heartbeat pools serving one account")
struct SharedAccountPoolTests {
    static let windowStart: Int64 = 1_673_193_600_000  // 2023-01-09T00:00:00+08:00
    static let windowEnd: Int64 = 1_677_600_000_000    // 2023-03-01T00:00:00+08:00

    /// Lesson `l1` (600 s, quiz at 300 s, any complete answer passes) of topic `t1`; accounts 1 and 2, teachers enrolled in it.
    private static func seed(_ store: any Store) async throws {
        let quiz = #"{"atSecond":300,"passMark":0,"questions":[{"id":"q1","prompt":"Q","kind":"single","options":["a","b"],"answer":[1]}]}"#
        try await FixtureSQL.execute(store, """
            INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
                VALUES ('t1', 'T', \(windowStart), \(windowEnd), '{}', ?, 0, 0);
            INSERT INTO course (topic_id, id, position, title) VALUES ('t1', 'c1', 0, 'C');
            INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
                VALUES ('l1', 't1', 'c1', 0, 'L1', 600000, 1, 300000, '\(quiz)');
            INSERT INTO account (id, phone, password_hash, identity, created_at, updated_at)
                VALUES (1, '13800000001', 'x', 'teacher', 0, 0), (2, '13800000002', 'x', 'teacher', 0, 0);
            INSERT INTO enrollment (account_id, topic_id, form, created_at) VALUES (1, 't1', '{}', 0), (2, 't1', '{}', 0)
            """, [Data([0])])
    }

    /// Two pools on `store` sharing one clock inside the window.
    private static func pools(_ store: any Store) -> ([HeartbeatPool], TestClock) {
        let clock = TestClock(startMs: windowStart + 86_400_000)
        let pools = (0..<2).map { _ in HeartbeatPool(store: store, clock: clock, settings: ProgressSettings(), laneCount: 2, queueLimit: 64) }
        return (pools, clock)
    }

    private static func beat(_ pool: HeartbeatPool, account: Int64, seq: Int64, state: String = "playing") async throws -> HeartbeatReceipt {
        try await pool.heartbeat(accountID: account, lessonId: "l1",
                                 Heartbeat(playbackId: "p", seq: seq, positionMs: (seq - 1) * 10_000, state: state, rate: 1))
    }

    private static func summary(_ store: any Store, _ account: Int64) async throws -> (Int64, Bool) {
        let summary = try await store.read { tx in try ProgressSummary.load(tx, accountID: account, topicId: "t1", settings: ProgressSettings()) }
        return (summary.studySeconds, summary.lessons.first?.status == .completed)
    }

    @Test("heartbeats of one account taken in turn by two pools earn what one pool gives them", arguments: TestStores.Engine.allCases)
    func inTurn(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let (pools, clock) = Self.pools(store)
            var alone: [HeartbeatReceipt] = []
            var inTurn: [HeartbeatReceipt] = []
            for seq in Int64(1)...61 {
                let state = seq == 61 ? "ended" : "playing"
                alone.append(try await Self.beat(pools[0], account: 1, seq: seq, state: state))
                inTurn.append(try await Self.beat(pools[Int(seq % 2)], account: 2, seq: seq, state: state))
                if seq == 31 {
                    // The quiz point: the quiz on the pool that took this heartbeat (pool 1).
                    let answers = [QuizAnswer(questionId: "q1", choices: [1])]
                    #expect(try await pools[0].submitQuiz(accountID: 1, lessonId: "l1", answers: answers).quizPassed)
                    #expect(try await pools[1].submitQuiz(accountID: 2, lessonId: "l1", answers: answers).quizPassed)
                }
                clock.advance(byMs: 10_000)
            }
            #expect(inTurn == alone)
            #expect(alone.last?.completed == true)
            let (aloneSummary, inTurnSummary) = (try await Self.summary(store, 1), try await Self.summary(store, 2))
            #expect(inTurnSummary == aloneSummary)
        }
    }

    @Test("one heartbeat taken by two pools at once is credited once: the other is a duplicate", arguments: TestStores.Engine.allCases)
    func atOnce(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let (pools, clock) = Self.pools(store)
            var credited: Int64 = 0
            for seq in Int64(1)...20 {
                async let first = Self.beat(pools[0], account: 2, seq: seq)
                async let second = Self.beat(pools[1], account: 2, seq: seq)
                let pair = try await [first, second]
                #expect(pair.filter { $0.verdict == .duplicate }.count == 1, "\(pair)")
                credited += pair.map(\.creditedMs).reduce(0, +)
                clock.advance(byMs: 10_000)
            }
            #expect(credited == 190_000)
            #expect(try await Self.summary(store, 2).0 == 190)
        }
    }

    @Test("an identity switch made through one daemon stops the account's heartbeats on a pool that cached its enrolment",
          arguments: TestStores.Engine.allCases)
    func identitySwitchReachesEveryPool(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let (pools, clock) = Self.pools(store)
            _ = try await Self.beat(pools[0], account: 2, seq: 1)
            clock.advance(byMs: 10_000)
            let now = clock.nowMs
            try await store.write { tx in
                try ProfileEditor.setIdentity(tx, accountID: 2, identity: "student", nickname: "N", actor: AuditActor(accountID: 2), now: now)
            }
            await #expect {
                _ = try await Self.beat(pools[0], account: 2, seq: 2)
            } throws: { ($0 as? DomainError)?.reason == "enrollment.teacher_required" }
        }
    }

    @Test("on PostgreSQL a refusal judged on a cached state is judged again on the stored one: the quiz passes on the pool that did not see its point")
    func refusalJudgedAgain() async throws {
        try await TestStores.withStore(.postgresql) { store in
            try await Self.seed(store)
            let (pools, clock) = Self.pools(store)
            for seq in Int64(1)...31 {
                // Pool 0 takes the quiz point (seq 31); pool 1 last saw 290 s.
                _ = try await Self.beat(pools[Int((seq + 1) % 2)], account: 2, seq: seq, state: seq == 31 ? "paused" : "playing")
                clock.advance(byMs: 10_000)
            }
            let result = try await pools[1].submitQuiz(accountID: 2, lessonId: "l1", answers: [QuizAnswer(questionId: "q1", choices: [1])])
            #expect(result.quizPassed)
        }
    }
}
