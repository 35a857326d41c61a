import Dispatch
import Logging
import Postgres

/// Group commit on PostgreSQL: many callers' units in one transaction and one commit.
///
/// The same contract as the SQLite writer: a caller is answered only after the transaction holding
/// its unit committed (`synchronous_commit` as the server has it, `on` by default), and a unit that
/// throws is rolled back alone. A unit whose deferred progress write turns out stale (see
/// `ProgressBatch`) wrote nothing and hears `StoreError.stale`; the batch's other units commit. Heartbeats' rows are deferred and written per batch by one
/// statement, sent with `BEGIN` and `COMMIT` in one pipeline: a batch of heartbeats costs the
/// server one round trip and one WAL flush. If those statements fail, the batch is rolled back and
/// run again with every unit writing its own rows, so one bad row fails its caller only.
///
/// The writer owns one connection. When it is lost (server restarted, failover), the batch's
/// callers hear `StoreError.unavailable` and the next batch connects again.
final class PostgresWriter: Sendable {
    struct PendingUnit: Sendable {
        let run: @Sendable (PostgresDatabase) -> Outcome
        let abandon: @Sendable (any Error) -> Void
    }

    struct Outcome: Sendable {
        /// Stamps of the progress writes the unit left to the batch's statements.
        var deferredStamps: [Int64] = []
        let deliver: @Sendable ((any Error)?) -> Void
    }

    private let queue: CommitQueue<PendingUnit>

    init(connector: PostgresConnector, maxBatch: Int = 2048) {
        let slot = ConnectionSlot(connector: connector)
        queue = CommitQueue(label: "yanxiu.store.writer", maxBatch: maxBatch) { batch in
            Self.commit(batch, slot: slot)
        }
    }

    var statistics: WriterStatistics { queue.statistics }
    var queueDepth: Int { queue.depth }

    func submit<T: Sendable>(_ work: @escaping @Sendable (PostgresDatabase) throws -> T,
                             completion: @escaping @Sendable (Result<T, any Error>) -> Void) {
        let unit = PendingUnit(run: { db in
            do {
                let value = try work(db)
                let stamps = try db.finishUnit()
                return Outcome(deferredStamps: stamps) { commitError in completion(commitError.map { .failure($0) } ?? .success(value)) }
            } catch {
                do {
                    try db.abandonUnit()
                } catch let rollbackError {
                    return Outcome { commitError in completion(.failure(commitError ?? rollbackError)) }
                }
                return Outcome { commitError in completion(.failure(commitError ?? error)) }
            }
        }, abandon: { completion(.failure($0)) })
        if !queue.enqueue(unit) { unit.abandon(StoreError.closed) }
    }

    func close() {
        queue.close()
    }

    private static func commit(_ batch: [PendingUnit], slot: ConnectionSlot) {
        let connection: PostgresConnection
        do {
            connection = try slot.connection()
        } catch {
            for unit in batch { unit.abandon(StoreError.classify(error)) }
            return
        }
        var outcomes: [Outcome] = []
        var stale = Set<Int64>()
        var failure: (any Error)?
        do {
            (outcomes, stale) = try run(batch, on: connection, defers: true)
        } catch let error as PostgresError where !error.isUnavailability {
            // A multi-row statement (or the commit) failed on a row: again, one unit at a time.
            rollback(connection)
            do {
                (outcomes, stale) = try run(batch, on: connection, defers: false)
            } catch {
                failure = error
            }
        } catch {
            failure = error
        }
        // A server turned read-only (an old primary fenced after a failover) keeps its connections
        // open: leave it, so that the next batch finds the read-write server the string names.
        if connection.isReadOnlyServer { slot.drop() }
        if let failure {
            rollback(connection)
            if !connection.isOpen { slot.drop() }
            let error = StoreError.classify(failure)
            for outcome in outcomes { outcome.deliver(error) }
            for unit in batch.dropFirst(outcomes.count) { unit.abandon(error) }
            return
        }
        for outcome in outcomes {
            outcome.deliver(outcome.deferredStamps.contains(where: stale.contains) ? StoreError.stale : nil)
        }
    }

    /// Runs every unit in one transaction and commits; returns each unit's outcome and the stamps
    /// of the deferred progress writes that were stale (they wrote nothing).
    private static func run(_ batch: [PendingUnit], on connection: PostgresConnection, defers: Bool) throws -> ([Outcome], Set<Int64>) {
        let shared = PostgresBatch(defers: defers)
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(batch.count)
        for unit in batch {
            outcomes.append(unit.run(PostgresDatabase(connection: connection, batch: shared)))
            // A lost connection ends the transaction: no later unit can be part of it.
            if !connection.isOpen { throw PostgresError(sqlState: nil, message: "connection lost", connectionLost: true) }
        }
        try shared.commit(connection)
        for action in shared.afterCommit { action() }
        return (outcomes, shared.staleStamps)
    }

    private static func rollback(_ connection: PostgresConnection) {
        if connection.isOpen && connection.isInTransaction { try? connection.run("ROLLBACK") }
    }
}

/// The writer's connection, made again after it is lost. Used only on the writer's queue.
final class ConnectionSlot: @unchecked Sendable {
    private let connector: PostgresConnector
    private var current: PostgresConnection?

    init(connector: PostgresConnector) {
        self.connector = connector
    }

    /// The connection for the next batch. One the server dropped while it was idle (a restart, a
    /// failover) is noticed here, before any unit sends work on it, and replaced.
    func connection() throws -> PostgresConnection {
        if let current, current.isStillOpen { return current }
        current = nil
        let fresh = try connector.connect()
        current = fresh
        return fresh
    }

    func drop() {
        current = nil
    }
}
