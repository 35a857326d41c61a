import Foundation
import GRDB
import Testing
@testable import Yanxiu

/// What each `ProgressStore` operation means, as any engine must give it; here on SQLite.
@Suite("Progress store operations")
struct ProgressStoreTests {
    @Test("nothing stored reads as nil or empty; an enrolment reads as what the account studies as today")
    func emptyReadsAndStanding() async throws {
        let f = try ProgressFixture(accounts: 3, enrolled: false)
        defer { f.cleanUp() }
        try await f.store.writeDatabase { db in
            try db.execute(sql: "INSERT INTO enrollment (account_id, topic_id, form, created_at) VALUES (1, 't1', '{}', 0), (2, 't1', '{}', 0)")
            try db.execute(sql: "UPDATE account SET identity = 'student' WHERE id = 2")
        }
        try await f.store.read { (tx: any StoreTransaction) throws -> Void in
            let progress = tx.progress
            #expect(try progress.playbackState(accountID: 1) == nil)
            #expect(try progress.lessonState(accountID: 1, lessonId: "l1") == nil)
            #expect(try progress.lessonProgress(accountID: 1, topicId: "t1").isEmpty)
            #expect(try progress.journal(accountID: 1, lessonId: "l1", limit: 10).isEmpty)
            #expect(try progress.verifiedRoles(accountID: 1).isEmpty)
            #expect(try progress.lesson("nope") == nil)
            #expect(try progress.lesson("l2")?.topicId == "t1")
            #expect(try progress.lessonIds(topicId: "t1") == ["l1", "l2"])
            #expect(try progress.lessonIds(topicId: "nope").isEmpty)
            #expect(try progress.standing(accountID: 1, topicId: "t1") == .enrolledTeacher)
            #expect(try progress.standing(accountID: 2, topicId: "t1") == .enrolledOtherIdentity)
            #expect(try progress.standing(accountID: 3, topicId: "t1") == .notEnrolled)
        }
    }

    /// The `n`th write of account 1, judged on the one before (stamps 1, 2, ...).
    private func write(_ n: Int64, tracker: Data?) -> ProgressWrite {
        var progress = LessonProgress(jitterAllowanceMs: 0)
        progress.studyMs = n * 1000
        return ProgressWrite(
            accountID: 1, lessonId: "l1", topicId: "t1", now: n, progressState: Data([UInt8(n)]), progress: progress, trackerState: tracker,
            journal: HeartbeatJournal.Entry(at: n, playbackId: "p", seq: n, positionMs: n * 1000, state: "playing", rate: 1, verdict: "credited", creditedMs: 1000),
            basis: n - 1, stamp: n)
    }

    @Test("a save replaces the lesson's state, keeps the playback state only when it carries one, and appends to the journal")
    func saveReplacesAndAppends() async throws {
        let f = try ProgressFixture()
        defer { f.cleanUp() }
        let writes = [write(1, tracker: Data([9])), write(2, tracker: nil), write(3, tracker: nil)]
        for one in writes { try await f.store.write { tx in try tx.progress.save(one) } }
        try await f.store.read { (tx: any StoreTransaction) throws -> Void in
            let progress = tx.progress
            #expect(try progress.lessonState(accountID: 1, lessonId: "l1") == Data([3]))
            #expect(try progress.playbackState(accountID: 1) == StoredPlaybackState(state: Data([9]), version: 3, writer: 3))
            let stored = try progress.lessonProgress(accountID: 1, topicId: "t1")
            #expect(stored.map(\.lessonId) == ["l1"] && stored.map(\.studyMs) == [3000])
            #expect(try progress.journal(accountID: 1, lessonId: "l1", limit: 10) == writes.compactMap(\.journal))
            // The newest `limit`, oldest first.
            #expect(try progress.journal(accountID: 1, lessonId: "l1", limit: 2).map(\.seq) == [2, 3])
        }
    }

    @Test("pruning removes the oldest entries before the cutoff, at most `limit` at a time")
    func pruneOldestFirst() async throws {
        let f = try ProgressFixture()
        defer { f.cleanUp() }
        for n: Int64 in 1...4 { try await f.store.write { tx in try tx.progress.save(write(n, tracker: nil)) } }
        #expect(try await f.store.write { tx in try tx.progress.pruneJournal(olderThan: 4, limit: 2) } == 2)
        #expect(try await f.store.read { tx in try tx.progress.journal(accountID: 1, lessonId: "l1", limit: 10).map(\.seq) } == [3, 4])
        #expect(try await f.store.write { tx in try tx.progress.pruneJournal(olderThan: 4, limit: 10) } == 1)
        #expect(try await f.store.write { tx in try tx.progress.pruneJournal(olderThan: 4, limit: 10) } == 0)
    }

    @Test("a quiz submission is kept with its answers")
    func quizSubmissionKept() async throws {
        let f = try ProgressFixture()
        defer { f.cleanUp() }
        let submission = QuizSubmissionRecord(accountID: 1, lessonId: "l1", at: 5, correct: 1, total: 2, passed: false, answers: "[]")
        try await f.store.write { tx in try tx.progress.recordQuizSubmission(submission) }
        let row = try await f.store.readDatabase { db in
            try Row.fetchOne(db, sql: "SELECT at, correct, total, passed, answers FROM quiz_submission WHERE account_id = 1 AND lesson_id = 'l1'")
                .map { [$0["at"] as Int64, $0["correct"] as Int64, $0["total"] as Int64, ($0["passed"] as Bool) ? 1 : 0] + [Int64(($0["answers"] as String).count)] }
        }
        #expect(row == [5, 1, 2, 0, 2])
    }
}
