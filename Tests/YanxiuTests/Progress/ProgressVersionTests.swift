import Foundation
import Locking
import Testing
@testable import Yanxiu

/// Versioned progress writes, as either engine must keep them: a write judged on a state of the
/// account that has since changed writes nothing and is reported stale, and the writes of other
/// accounts committed with it are not held back.
@Suite("Progress versions: a write judged on an outdated state commits nothing")
struct ProgressVersionTests {
    /// Topic `t1` with lessons `l1` and `l2`, accounts 1 to 3.
    private static func seed(_ store: any Store) async throws {
        try await FixtureSQL.execute(store, """
            INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at) VALUES ('t1', 'T', 0, 10, '{}', ?, 0, 0);
            INSERT INTO course (topic_id, id, position, title) VALUES ('t1', 'c1', 1, 'C');
            INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
                VALUES ('l1', 't1', 'c1', 1, 'L1', 1000, 1, 500, '{}'), ('l2', 't1', 'c1', 2, 'L2', 1000, 1, 500, '{}');
            INSERT INTO account (id, phone, password_hash, created_at, updated_at)
                VALUES (1, '13900000001', 'x', 0, 0), (2, '13900000002', 'x', 0, 0), (3, '13900000003', 'x', 0, 0)
            """, [Data([0])])
    }

    /// A heartbeat's write of stamp `stamp`, judged on the account's write of stamp `basis` (0: none).
    private static func write(_ account: Int64, stamp: Int64, after basis: Int64, lesson: String = "l1") -> ProgressWrite {
        var progress = LessonProgress(jitterAllowanceMs: 0)
        progress.studyMs = stamp
        return ProgressWrite(
            accountID: account, lessonId: lesson, topicId: "t1", now: stamp, progressState: Data([UInt8(stamp & 0xff)]), progress: progress,
            trackerState: Data([UInt8(stamp & 0xff), 1]),
            journal: HeartbeatJournal.Entry(at: stamp, playbackId: "p", seq: stamp, positionMs: stamp, state: "playing", rate: 1,
                                            verdict: "credited", creditedMs: 1),
            basis: basis, stamp: stamp)
    }

    private static func isStale(_ error: any Error) -> Bool {
        if case StoreError.stale = error { return true }
        return false
    }

    /// What is stored of an account's progress in `l1`: the journal's seqs, the lesson's state, the version.
    private struct Stored: Equatable {
        let journal: [Int64]
        let lesson: Data?
        let playback: StoredPlaybackState?
    }

    private static func stored(_ store: any Store, _ account: Int64) async throws -> Stored {
        try await store.read { tx in
            Stored(journal: try tx.progress.journal(accountID: account, lessonId: "l1", limit: 100).map(\.seq),
                   lesson: try tx.progress.lessonState(accountID: account, lessonId: "l1"),
                   playback: try tx.progress.playbackState(accountID: account))
        }
    }

    /// Submits `writes` one unit each, in this order, while the writer is held by a unit that waits
    /// until they are all queued, so that they share the next batch; returns for each whether it committed (true), was stale (false), or
    /// failed otherwise (nil).
    private static func inOneBatch(_ store: any StoreEngine, _ writes: [ProgressWrite]) async throws -> [Bool?] {
        let holding = Locked(false)
        let submitted = Locked(false)
        // Held until every write is queued, however slowly this task runs (sanitizers, a busy machine).
        async let held: Void = store.write { _ in
            holding.withLock { $0 = true }
            let deadline = Date().addingTimeInterval(30)
            while !submitted.withLock({ $0 }), Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
        }
        while !holding.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        // `submit` queues the unit before it returns: the batch keeps this order.
        let outcomes = writes.map { write in
            let (stream, continuation) = AsyncStream<Bool?>.makeStream()
            store.submit({ tx in try tx.progress.save(write) }) { result in
                switch result {
                case .success: continuation.yield(true)
                case .failure(let error): continuation.yield(Self.isStale(error) ? false : nil)
                }
                continuation.finish()
            }
            return stream
        }
        submitted.withLock { $0 = true }
        var results: [Bool?] = []
        for outcome in outcomes {
            for await result in outcome { results.append(result) }
        }
        try await held
        // The writer counts a batch after answering its units: the next batch comes after that.
        try await store.write { _ in }
        #expect(store.writerStatistics.largestBatch >= writes.count, "the writes shared one batch")
        return results
    }

    @Test("a write judged on no state, or on a write that is not the last, commits nothing; one judged on the last commits",
          arguments: TestStores.Engine.allCases)
    func staleWritesCommitNothing(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            try await store.write { tx in try tx.progress.save(Self.write(1, stamp: 11, after: 0)) }
            let first = Stored(journal: [11], lesson: Data([11]), playback: StoredPlaybackState(state: Data([11, 1]), version: 1, writer: 11))
            #expect(try await Self.stored(store, 1) == first)

            for basis: Int64 in [0, 99] {
                await #expect {
                    try await store.write { tx in try tx.progress.save(Self.write(1, stamp: 12, after: basis)) }
                } throws: { Self.isStale($0) }
            }
            #expect(try await Self.stored(store, 1) == first)
            // A stale write of a lesson never played leaves no row either.
            await #expect {
                try await store.write { tx in try tx.progress.save(Self.write(1, stamp: 13, after: 0, lesson: "l2")) }
            } throws: { Self.isStale($0) }
            #expect(try await store.read { tx in try tx.progress.lessonState(accountID: 1, lessonId: "l2") } == nil)

            try await store.write { tx in try tx.progress.save(Self.write(1, stamp: 14, after: 11)) }
            #expect(try await Self.stored(store, 1)
                == Stored(journal: [11, 14], lesson: Data([14]), playback: StoredPlaybackState(state: Data([14, 1]), version: 2, writer: 14)))
        }
    }

    @Test("in one batch, the stale write's account commits nothing and the other accounts commit, also when a bad row makes the batch go unit by unit",
          arguments: TestStores.Engine.allCases, [false, true])
    func staleAmongOthersInOneBatch(_ engine: TestStores.Engine, withBadRow: Bool) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            try await store.write { tx in try tx.progress.save(Self.write(1, stamp: 11, after: 0)) }
            let before = try await Self.stored(store, 1)
            // Account 9 does not exist: its rows break a foreign key.
            var writes = [Self.write(2, stamp: 21, after: 0), Self.write(1, stamp: 12, after: 0), Self.write(3, stamp: 31, after: 0)]
            if withBadRow { writes.append(Self.write(9, stamp: 91, after: 0)) }
            let results = try await Self.inOneBatch(store, writes)
            let expected: [Bool?] = withBadRow ? [true, false, true, nil] : [true, false, true]
            #expect(results == expected)
            #expect(try await Self.stored(store, 1) == before)
            for (account, stamp) in [(Int64(2), Int64(21)), (3, 31)] {
                #expect(try await Self.stored(store, account)
                    == Stored(journal: [stamp], lesson: Data([UInt8(stamp)]), playback: StoredPlaybackState(state: Data([UInt8(stamp), 1]), version: 1, writer: stamp)))
            }
        }
    }

    @Test("writes of one account judged one on another commit together in one batch; a chain whose first link is stale commits nothing",
          arguments: TestStores.Engine.allCases)
    func chainsInOneBatch(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            try await store.write { tx in try tx.progress.save(Self.write(2, stamp: 20, after: 0)) }
            let results = try await Self.inOneBatch(store, [
                Self.write(1, stamp: 1, after: 0), Self.write(2, stamp: 3, after: 77), Self.write(1, stamp: 2, after: 1), Self.write(2, stamp: 4, after: 3),
            ])
            #expect(results == [true, false, true, false])
            #expect(try await Self.stored(store, 1)
                == Stored(journal: [1, 2], lesson: Data([2]), playback: StoredPlaybackState(state: Data([2, 1]), version: 2, writer: 2)))
            #expect(try await Self.stored(store, 2)
                == Stored(journal: [20], lesson: Data([20]), playback: StoredPlaybackState(state: Data([20, 1]), version: 1, writer: 20)))
        }
    }

    @Test("two writes judged on the same state of an account, in one batch: the first commits, only the second is stale, and a write chained on the second is stale too",
          arguments: TestStores.Engine.allCases)
    func twoCopiesInOneBatch(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            try await store.write { tx in try tx.progress.save(Self.write(1, stamp: 10, after: 0)) }
            let results = try await Self.inOneBatch(store, [
                Self.write(1, stamp: 11, after: 10), Self.write(1, stamp: 12, after: 10), Self.write(1, stamp: 13, after: 12),
                Self.write(1, stamp: 14, after: 11),
            ])
            #expect(results == [true, false, false, true])
            #expect(try await Self.stored(store, 1)
                == Stored(journal: [10, 11, 14], lesson: Data([14]), playback: StoredPlaybackState(state: Data([14, 1]), version: 3, writer: 14)))
        }
    }
}
