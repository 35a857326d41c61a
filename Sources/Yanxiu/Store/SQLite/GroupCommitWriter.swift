import Dispatch
import GRDB
import Locking

/// Serialises writes and commits many callers' units in one transaction and one fsync.
///
/// A caller hands over a unit of work and is resumed only after the transaction that
/// contains it has committed. Units that arrive while a commit is in flight wait and
/// form the next batch, so batches grow exactly when the disk is the bottleneck. Each
/// unit runs inside its own savepoint: a unit that throws is rolled back alone and its
/// caller gets the error, while its neighbours commit.
public final class GroupCommitWriter: Sendable {
    /// A unit of work as the drain loop sees it: run it, and hand back what to tell its caller.
    struct PendingUnit: Sendable {
        let run: @Sendable (Database) -> Outcome
        /// Tells the caller its unit never ran (the transaction could not start, or the writer closed).
        let abandon: @Sendable (any Error) -> Void
    }

    /// The result of one unit inside a batch, delivered after the batch's fate is known.
    struct Outcome: Sendable {
        let deliver: @Sendable ((any Error)?) -> Void
    }

    public typealias Statistics = WriterStatistics

    private let database: any DatabaseWriter
    private let queue: CommitQueue<PendingUnit>
    public var maxBatch: Int { queue.maxBatch }

    public init(database: any DatabaseWriter, maxBatch: Int = 2048) {
        self.database = database
        queue = CommitQueue(label: "yanxiu.store.writer", maxBatch: maxBatch) { batch in
            Self.commit(batch, database: database)
        }
    }

    public var statistics: Statistics { queue.statistics }
    public var queueDepth: Int { queue.depth }

    /// Runs `work` in the next group commit and returns its value once committed.
    public func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit(work) { continuation.resume(with: $0) }
        }
    }

    /// Callback form of `write`, for callers that live on Dispatch queues.
    public func submit<T: Sendable>(
        _ work: @escaping @Sendable (Database) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        let unit = PendingUnit(run: { db in
            do {
                let result = try Self.inSavepoint(db) { try work(db) }
                return Outcome { commitError in
                    if let commitError { completion(.failure(commitError)) } else { completion(.success(result)) }
                }
            } catch {
                return Outcome { commitError in completion(.failure(commitError ?? error)) }
            }
        }, abandon: { completion(.failure($0)) })
        if !queue.enqueue(unit) { unit.abandon(StoreError.closed) }
    }

    /// Runs `work` inside a savepoint with prepared statements (GRDB's `inSavepoint` compiles
    /// its statements at each call, which shows on the heartbeat path).
    static func inSavepoint<T>(_ db: Database, _ work: () throws -> T) throws -> T {
        try db.cachedStatement(sql: "SAVEPOINT unit").execute()
        do {
            let value = try work()
            try db.cachedStatement(sql: "RELEASE unit").execute()
            return value
        } catch {
            try db.cachedStatement(sql: "ROLLBACK TO unit").execute()
            try db.cachedStatement(sql: "RELEASE unit").execute()
            throw error
        }
    }

    /// Stops taking new units and waits until everything already submitted has committed.
    public func close() {
        queue.close()
    }

    private static func commit(_ batch: [PendingUnit], database: any DatabaseWriter) {
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(batch.count)
        var commitError: (any Error)?
        do {
            try database.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for unit in batch {
                        outcomes.append(unit.run(db))
                        // After some failures (disk full, I/O error) SQLite rolls the whole
                        // transaction back by itself. Units run after that would be outside any
                        // transaction and commit one by one while their callers hear of failure,
                        // so the batch stops here and every caller learns the transaction is gone.
                        if !db.isInsideTransaction { break }
                    }
                    return .commit
                }
            }
        } catch {
            commitError = error
        }
        if let commitError {
            // The transaction never reached the disk: every caller in it learns that,
            // including those whose units had run without error.
            for outcome in outcomes { outcome.deliver(commitError) }
            for unit in batch.dropFirst(outcomes.count) { unit.abandon(commitError) }
        } else {
            for outcome in outcomes { outcome.deliver(nil) }
        }
    }
}
