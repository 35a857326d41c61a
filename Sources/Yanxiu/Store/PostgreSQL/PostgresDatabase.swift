import Postgres

/// One unit's view of a PostgreSQL connection: what the area stores execute their SQL through.
///
/// In the writer, a unit runs inside a savepoint of its own, opened only when the unit first sends
/// a statement: a heartbeat's unit sends none (its rows wait in the batch's `ProgressBatch` and go
/// in a few multi-row statements at the end), so it costs no round trip of its own. Before any
/// statement, the rows that earlier units deferred are written, so every statement sees what the
/// units before it did.
public final class PostgresDatabase {
    let connection: PostgresConnection
    /// The batch this unit belongs to; nil in read transactions.
    private let batch: PostgresBatch?
    private var savepointOpen = false
    /// Progress rows this unit deferred and has not yet written.
    private var deferred = ProgressBatch()
    private var afterCommitActions: [@Sendable () -> Void] = []

    init(connection: PostgresConnection, batch: PostgresBatch?) {
        self.connection = connection
        self.batch = batch
    }

    /// Runs one statement with `$1`, `$2`, ... bound to `arguments`.
    @discardableResult
    public func execute(_ sql: String, _ arguments: [any PostgresBindable] = []) throws -> PostgresRows {
        try prepareForStatement()
        return try connection.execute(sql, arguments)
    }

    /// The first row of a query, or nil.
    public func first(_ sql: String, _ arguments: [any PostgresBindable] = []) throws -> PostgresRow? {
        let rows = try execute(sql, arguments)
        return rows.isEmpty ? nil : rows[0]
    }

    /// Keeps `write`'s rows for the batch's multi-row statements when the writer defers, or
    /// writes them now.
    func save(_ write: ProgressWrite) throws {
        if let batch, batch.defers {
            deferred.append(write)
        } else {
            deferred.append(write)
            try prepareForStatement()
        }
    }

    /// Runs `action` once the transaction has committed; dropped if this unit is rolled back.
    func afterCommit(_ action: @escaping @Sendable () -> Void) {
        if batch == nil { action() } else { afterCommitActions.append(action) }
    }

    /// Before this unit's first statement: the transaction begun (when no unit before needed it),
    /// the rows earlier units deferred written and this unit's savepoint opened, in one round
    /// trip. Then the rows this unit deferred, inside its savepoint, so that a bad row of its own
    /// is rolled back with it, and a stale write of its own fails it (`StoreError.stale`).
    private func prepareForStatement() throws {
        guard let batch else { return }
        if !savepointOpen {
            try batch.takeOpening(connection, then: [PostgresStatement("SAVEPOINT unit")])
            savepointOpen = true
        }
        try writeDeferred()
    }

    /// Writes the rows this unit deferred, inside its savepoint; throws `StoreError.stale` when one
    /// of its writes was judged on a state that has since changed.
    private func writeDeferred() throws {
        guard !deferred.isEmpty else { return }
        let rows = deferred
        deferred = ProgressBatch()
        guard try rows.send(on: connection).isEmpty else { throw StoreError.stale }
    }

    /// The unit succeeded: its savepoint is released and what it deferred joins the batch. Returns
    /// the stamps of the writes it left to the batch, whose staleness the batch's commit tells.
    /// Rows of several accounts are written now, in the unit's savepoint, so that the unit stands
    /// or falls whole.
    func finishUnit() throws -> [Int64] {
        guard let batch else { return [] }
        if deferred.spansAccounts && !savepointOpen { try prepareForStatement() }
        var left: [Int64] = []
        if savepointOpen {
            try writeDeferred()
            try connection.pipeline([PostgresStatement("RELEASE unit")])
        } else {
            left = deferred.stamps
            batch.rows.append(contentsOf: deferred)
        }
        deferred = ProgressBatch()
        batch.afterCommit.append(contentsOf: afterCommitActions)
        afterCommitActions = []
        return left
    }

    /// The unit failed: everything it did is undone, and the batch goes on without it.
    func abandonUnit() throws {
        deferred = ProgressBatch()
        afterCommitActions = []
        if savepointOpen {
            try connection.pipeline([PostgresStatement("ROLLBACK TO unit"), PostgresStatement("RELEASE unit")])
        }
    }
}

/// What one writer transaction gathers from its units: deferred progress rows and after-commit
/// actions, and whether the transaction has begun on the server yet.
final class PostgresBatch {
    /// False when a batch is run again unit by unit after its multi-row statements failed.
    let defers: Bool
    var rows = ProgressBatch()
    var afterCommit: [@Sendable () -> Void] = []
    /// Whether `BEGIN` has been sent. It goes with the batch's first statement, so a batch whose
    /// units sent nothing (heartbeats) begins, writes and commits in one round trip.
    private(set) var begun = false
    /// Stamps of deferred writes that turned out stale: their units fail once the batch commits.
    private(set) var staleStamps = Set<Int64>()

    init(defers: Bool) {
        self.defers = defers
    }

    /// Sends what must precede a unit's own statements, then `then`: `BEGIN` the first time, and the
    /// rows that earlier units deferred, so that every statement sees what the units before it did.
    func takeOpening(_ connection: PostgresConnection, then: [PostgresStatement]) throws {
        let opening: [PostgresStatement] = begun ? [] : [PostgresStatement("BEGIN")]
        begun = true
        let pending = rows
        rows = ProgressBatch()
        staleStamps.formUnion(try pending.send(on: connection, before: opening, after: then))
    }

    /// Writes what is left and commits, in one round trip; nothing when the batch wrote nothing.
    func commit(_ connection: PostgresConnection) throws {
        guard begun || !rows.isEmpty else { return }
        try takeOpening(connection, then: [PostgresStatement("COMMIT")])
    }
}
