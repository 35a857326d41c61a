import Dispatch
import Locking
import Logging
import Postgres

/// The PostgreSQL engine of `Store`: one group-commit writer connection and a pool of readers.
///
/// Opening connects once and migrates, so a wrong password, an unreachable server or a schema
/// newer than this build stops the daemon at start with the server's reason. Once running, a lost
/// server turns into `StoreError.unavailable` (503) per request, and each later request connects
/// again: the daemon recovers by itself when the server is back.
public final class PostgresStore: Sendable {
    let connector: PostgresConnector
    let writer: PostgresWriter
    let readers: PostgresReaderPool
    /// Sessions ended on any daemon, for this daemon's session cache; started by `startRevocationFeed()`.
    let revocations: PostgresRevocationFeed
    /// The server and database reached at start, for logs and status (never the password).
    public let server: String

    public init(conninfo: String, defaults: [String: String] = [:], readers: Int = 4, logger: Logger = Logger(label: "yanxiu.store")) throws {
        connector = PostgresConnector(conninfo: conninfo, defaults: defaults)
        let connection = try connector.connect()
        let version = try PostgresMigrator.migrate(connection)
        server = "\(connection.server)/\(connection.database)"
        writer = PostgresWriter(connector: connector)
        self.readers = PostgresReaderPool(connector: connector, size: readers)
        revocations = PostgresRevocationFeed(connector: connector, cache: .shared, logger: logger)
        logger.info("store open", metadata: ["store.engine": "postgresql", "store.server": "\(server)", "store.schema": "\(version)"])
    }

    /// How many migrations the database has.
    public func schemaVersion() throws -> Int {
        try readers.read { db in try PostgresMigrator.appliedCount(db.connection) }
    }

    public var writerStatistics: WriterStatistics { writer.statistics }
    public var writerQueueDepth: Int { writer.queueDepth }

    /// Makes the shared session cache hear the sessions other daemons on the database end.
    public func startRevocationFeed() {
        revocations.start()
    }

    /// Finishes pending writes.
    public func close() {
        revocations.stop()
        writer.close()
    }

    /// Runs `work` on a reader connection, off the cooperative pool.
    func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}

extension PostgresStore: Store {
    /// Several daemons may serve one database.
    public var isShared: Bool { true }

    /// A session-level advisory lock on a connection of the hold's own: closing the connection,
    /// or losing it (the daemon died, the server restarted), lets go.
    public func holdExclusively(_ name: String) async throws -> StoreHold? {
        let connector = self.connector.named("yanxiud-hold")
        return try await offload {
            do {
                let connection = try connector.connect()
                let held: Bool = try connection.execute(
                    "SELECT pg_try_advisory_lock($1::integer, hashtext($2))", [Self.holdLockClass, name])[0][0]
                guard held else { return nil }
                let kept = Locked<PostgresConnection?>(connection)
                return StoreHold {
                    // Unlocked before the connection closes: a closed session's locks go only when its
                    // server process has ended, which a caller answered at once could outrun.
                    kept.withLock { connection in
                        _ = try? connection?.execute("SELECT pg_advisory_unlock($1::integer, hashtext($2))", [Self.holdLockClass, name])
                        connection = nil
                    }
                }
            } catch {
                throw StoreError.classify(error)
            }
        }
    }

    /// The first key of the advisory locks behind `holdExclusively` (the second is the name's hash).
    static let holdLockClass: Int64 = 0x59_58_03

    public func write<T: Sendable>(_ work: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit(work) { continuation.resume(with: $0) }
        }
    }

    public func submit<T: Sendable>(
        _ work: @escaping @Sendable (any StoreTransaction) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        writer.submit({ db in try work(PostgresTransaction(db)) }) { result in
            completion(result.mapError { StoreError.classify($0) })
        }
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await offload { try self.readNow(work) }
    }

    public func readNow<T>(_ work: (any StoreTransaction) throws -> T) throws -> T {
        do {
            return try readers.read { db in try work(PostgresTransaction(db)) }
        } catch {
            throw StoreError.classify(error)
        }
    }
}
