/// The daemon's database, whichever engine holds it.
///
/// Every use case reaches its data through one `StoreTransaction`: the operations of each area
/// (`tx.accounts`, `tx.enrollments`, ...) run inside the same transaction and commit together or
/// not at all. Writes are group-committed: many callers' units share one commit, each unit in a
/// savepoint of its own, so one unit's failure rolls back that unit only. A reply to a write
/// means its commit is durable.
///
/// Storage failures (disk full, server away, shutting down) surface as `StoreError`; the
/// server answers them with 503.
public protocol Store: Sendable {
    /// Runs `work` in the next group commit and returns its value once committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T

    /// Callback form of `write`, for callers that live on Dispatch queues (the heartbeat lanes).
    func submit<T: Sendable>(
        _ work: @escaping @Sendable (any StoreTransaction) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void)

    /// Runs `work` in a read-only transaction that sees one committed state.
    func read<T: Sendable>(_ work: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T

    /// Blocking form of `read`, for callers on Dispatch queues.
    func readNow<T>(_ work: (any StoreTransaction) throws -> T) throws -> T

    /// Whether other daemons may write the same database (PostgreSQL): then what a daemon keeps
    /// in memory of it may be out of date, and a refusal judged on it is checked against the store.
    var isShared: Bool { get }

    /// Takes `name` for this daemon alone among those on the database, until the hold is released
    /// or the daemon's connection to the database ends (a daemon that dies lets go by itself);
    /// nil when another daemon holds it. A store no other daemon shares grants every hold: what
    /// one process runs at once is its own business.
    func holdExclusively(_ name: String) async throws -> StoreHold?
}

extension Store {
    /// Writes `work` and commits whatever it did even when its answer is a refusal, then throws the refusal.
    ///
    /// A wrong SMS code or password must still count its attempt and leave its audit line:
    /// throwing inside the unit would roll those back with everything else.
    public func writeKeeping<T: Sendable>(_ work: @escaping @Sendable (any StoreTransaction) throws -> Result<T, DomainError>) async throws -> T {
        try await write(work).get()
    }
}
