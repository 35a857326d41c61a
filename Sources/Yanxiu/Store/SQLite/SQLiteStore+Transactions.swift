import GRDB

extension SQLiteStore: Store {
    /// One daemon owns the file.
    public var isShared: Bool { false }

    public func holdExclusively(_ name: String) async throws -> StoreHold? { .alone() }

    public func write<T: Sendable>(_ work: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await writeDatabase { db in try work(SQLiteTransaction(db)) }
    }

    public func submit<T: Sendable>(
        _ work: @escaping @Sendable (any StoreTransaction) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        writer.submit({ db in try work(SQLiteTransaction(db)) }) { result in
            completion(result.mapError { StoreError.classify($0) })
        }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await readDatabase { db in try work(SQLiteTransaction(db)) }
    }

    public func readNow<T>(_ work: (any StoreTransaction) throws -> T) throws -> T {
        do {
            return try pool.read { db in try work(SQLiteTransaction(db)) }
        } catch {
            throw StoreError.classify(error)
        }
    }
}
