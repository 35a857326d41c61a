import Foundation
import GRDB
import JSONRPC
import Testing
@testable import Yanxiu

@Suite("Heartbeat pool against a real store")
struct HeartbeatPoolTests {
    /// Plays `from`...`to` seconds honestly with a heartbeat every 10 s.
    func play(_ f: ProgressFixture, account: Int64 = 1, lesson: String = "l1", playback: String, from: Double, to: Double, seq: inout Int64) async throws -> HeartbeatReceipt {
        var position = from
        var last = try await f.beat(account, lesson: lesson, playback: playback, seq: seq, at: position)
        seq += 1
        while position < to {
            let step = min(10, to - position)
            f.advance(step)
            position += step
            last = try await f.beat(account, lesson: lesson, playback: playback, seq: seq, at: position, state: position >= to ? "paused" : "playing")
            seq += 1
        }
        return last
    }

    @Test("honest viewing with the quiz passed completes the lesson, and the state is on disk")
    func honestCompletion() async throws {
        let f = try ProgressFixture()
        defer { f.cleanUp() }
        var seq: Int64 = 1
        let atQuiz = try await play(f, playback: "p1", from: 0, to: 300, seq: &seq)
        #expect(atQuiz.quizReached)
        #expect(!atQuiz.completed)
        let result = try await f.pool.submitQuiz(accountID: 1, lessonId: "l1", answers: [.init(questionId: "q1", choices: [1]), .init(questionId: "q2", choices: [0, 2])])
        #expect(result.grade.passed && result.grade.correct == 2)
        let end = try await play(f, playback: "p2", from: 300, to: 600, seq: &seq)
        #expect(end.completed)
        let stored = try await f.store.readDatabase { db in
            try Row.fetchOne(db, sql: "SELECT completed_at, study_ms FROM lesson_progress WHERE account_id = 1 AND lesson_id = 'l1'")
                .map { ($0["completed_at"] as Int64?, $0["study_ms"] as Int64) }
        }
        #expect(stored?.0 != nil)
        #expect((stored?.1 ?? 0) >= 590_000)
        let journal = try await f.store.readDatabase { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM heartbeat WHERE account_id = 1") }
        #expect(journal == Int(seq) - 1)
    }

    @Test("a quiz before its point is refused with quiz.not_reached")
    func quizNotReached() async throws {
        let f = try ProgressFixture()
        defer { f.cleanUp() }
        _ = try await f.beat(seq: 1, at: 0)
        await #expect(throws: DomainError.precondition("quiz.not_reached", "Watch the lesson up to its quiz first")) {
            _ = try await f.pool.submitQuiz(accountID: 1, lessonId: "l1", answers: [])
        }
    }

    @Test("without enrolment, outside the window and for unknown lessons, heartbeats are refused with their reasons")
    func preconditions() async throws {
        let f = try ProgressFixture(enrolled: false)
        defer { f.cleanUp() }
        await #expect(throws: DomainError.self) { _ = try await f.beat(seq: 1, at: 0) }
        do { _ = try await f.beat(seq: 1, at: 0) } catch let error as DomainError { #expect(error.reason == "enrollment.required") }
        do { _ = try await f.beat(lesson: "nope", seq: 1, at: 0) } catch let error as DomainError { #expect(error.reason == "lesson.unknown") }

        let g = try ProgressFixture()
        defer { g.cleanUp() }
        g.clock.set(ProgressFixture.windowEnd)
        do {
            _ = try await g.beat(seq: 1, at: 0)
            Issue.record("a heartbeat after the window was accepted")
        } catch let error as DomainError {
            #expect(error.reason == "topic.window_closed")
        }
    }

    @Test("after an identity switch the lane asks the store again: a non-teacher's heartbeats are refused with enrollment.teacher_required")
    func identitySwitch() async throws {
        let f = try ProgressFixture()
        defer { f.cleanUp() }
        _ = try await f.beat(seq: 1, at: 0)
        try await f.store.writeDatabase { db in try db.execute(sql: "UPDATE account SET identity = 'student' WHERE id = 1") }
        await f.pool.forgetEnrollments(accountID: 1)
        _ = f.clock.advance(byMs: 10_000)
        do {
            _ = try await f.beat(seq: 2, at: 10)
            Issue.record("a student's heartbeat was accepted")
        } catch let error as DomainError {
            #expect(error.kind == .precondition && error.reason == "enrollment.teacher_required")
        }
        try await f.store.writeDatabase { db in try db.execute(sql: "UPDATE account SET identity = 'teacher' WHERE id = 1") }
        await f.pool.forgetEnrollments(accountID: 1)
        _ = f.clock.advance(byMs: 10_000)
        #expect(try await f.beat(seq: 3, at: 20).verdict == .credited)
    }

    @Test("a second lesson while the first plays is refused; a superseded playback is refused")
    func concurrency() async throws {
        let f = try ProgressFixture()
        defer { f.cleanUp() }
        _ = try await f.beat(seq: 1, at: 0)
        f.advance(5)
        do {
            _ = try await f.beat(lesson: "l2", playback: "other", seq: 1, at: 0)
            Issue.record("concurrent lesson accepted")
        } catch let error as DomainError {
            #expect(error.reason == "playback.concurrent")
        }
        _ = try await f.beat(playback: "p2", seq: 1, at: 5)
        do {
            _ = try await f.beat(playback: "p1", seq: 2, at: 10)
            Issue.record("superseded playback accepted")
        } catch let error as DomainError {
            #expect(error.reason == "playback.superseded")
        }
    }

    @Test("replayed sequence numbers are duplicates that change nothing")
    func duplicates() async throws {
        let f = try ProgressFixture()
        defer { f.cleanUp() }
        _ = try await f.beat(seq: 1, at: 0)
        f.advance(10)
        let credited = try await f.beat(seq: 2, at: 10)
        #expect(credited.verdict == .credited)
        let replay = try await f.beat(seq: 2, at: 10)
        #expect(replay.verdict == .duplicate)
        #expect(replay.creditedMs == 0)
        let journal = try await f.store.readDatabase { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM heartbeat") }
        #expect(journal == 2)
    }

    @Test("many accounts in parallel: every accepted heartbeat is reflected in the stored state")
    func parallelAccounts() async throws {
        let f = try ProgressFixture(accounts: 40)
        defer { f.cleanUp() }
        // Each account plays 0..100 s; the clock moves between rounds, all accounts beat in parallel within a round.
        for round in 0...10 {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for account in 1...40 {
                    group.addTask {
                        _ = try await f.beat(Int64(account), seq: Int64(round + 1), at: Double(round * 10))
                    }
                }
                try await group.waitForAll()
            }
            f.advance(10)
        }
        let rows = try await f.store.readDatabase { db in
            try Row.fetchAll(db, sql: "SELECT account_id, study_ms FROM lesson_progress").map { ($0["account_id"] as Int64, $0["study_ms"] as Int64) }
        }
        #expect(rows.count == 40)
        for (_, study) in rows { #expect(study == 100_000) }
        let journal = try await f.store.readDatabase { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM heartbeat") }
        #expect(journal == 40 * 11)
    }

    @Test("state survives a restart: a new pool over the same file continues where the old one stopped")
    func reload() async throws {
        let f = try ProgressFixture()
        defer { f.cleanUp() }
        _ = try await f.beat(seq: 1, at: 0)
        f.advance(10)
        _ = try await f.beat(seq: 2, at: 10)
        let fresh = HeartbeatPool(store: f.store, clock: f.clock, settings: ProgressSettings(), laneCount: 2, queueLimit: 10)
        let replay = try await fresh.heartbeat(accountID: 1, lessonId: "l1", Heartbeat(playbackId: "p1", seq: 2, positionMs: 10_000, state: "playing", rate: 1))
        #expect(replay.verdict == .duplicate)
        f.advance(10)
        let next = try await fresh.heartbeat(accountID: 1, lessonId: "l1", Heartbeat(playbackId: "p1", seq: 3, positionMs: 20_000, state: "playing", rate: 1))
        #expect(next.verdict == .credited)
        #expect(next.coverageBeforeQuizMs == 20_000)
    }
}

@Suite("Heartbeat journal")
struct HeartbeatJournalTests {
    @Test("pruning removes only entries older than the cutoff, in batches")
    func prune() async throws {
        let f = try ProgressFixture()
        defer { f.cleanUp() }
        for n in 0..<30 {
            _ = try await f.beat(seq: Int64(n + 1), at: Double(n) * 10)
            f.advance(10)
        }
        let cutoff = f.clock.nowMs - 100_000
        let first = try await f.store.write { tx in try tx.progress.pruneJournal(olderThan: cutoff, limit: 5) }
        #expect(first == 5)
        let rest = try await f.store.write { tx in try tx.progress.pruneJournal(olderThan: cutoff, limit: 1000) }
        #expect(rest == 15)
        let remaining = try await f.store.readDatabase { db in try Int64.fetchAll(db, sql: "SELECT at FROM heartbeat") }
        #expect(remaining.count == 10)
        #expect(remaining.allSatisfy { $0 >= cutoff })
    }
}
