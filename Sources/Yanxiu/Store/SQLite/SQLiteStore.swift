import Foundation
import GRDB
import Logging

/// The SQLite engine of `Store`: a WAL pool for reads and one group-commit writer for writes.
public final class SQLiteStore: Sendable {
    public let pool: DatabasePool
    public let writer: GroupCommitWriter
    public let path: String
    /// A connection of its own for checkpoints, so they run beside the writer instead of inside its commits.
    private let checkpointer: DatabaseQueue

    /// Opens (creating if needed) the database at `path` and runs pending migrations.
    public init(path: String, logger: Logger = Logger(label: "yanxiu.store")) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.maximumReaderCount = 4
        configuration.label = "yanxiu"
        configuration.prepareDatabase { db in
            // A reply means the change is on disk: FULL syncs the WAL at every commit.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Commits never run a checkpoint themselves (it would stall every caller in the
            // batch behind an fsync of the main file); `checkpoint()` does it beside them.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        self.path = path
        pool = try DatabasePool(path: path, configuration: configuration)
        try Migrations.migrator.migrate(pool)
        writer = GroupCommitWriter(database: pool)
        var checkpointConfiguration = Configuration()
        checkpointConfiguration.busyMode = .timeout(5)
        checkpointConfiguration.label = "yanxiu.checkpoint"
        checkpointer = try DatabaseQueue(path: path, configuration: checkpointConfiguration)
        let version = try schemaVersion()
        logger.info("store open", metadata: ["store.path": "\(path)", "store.schema": "\(version)"])
    }

    /// The name of the last applied migration, and how many there are.
    public func schemaVersion() throws -> Int {
        try pool.read { db in try Migrations.migrator.appliedIdentifiers(db).count }
    }

    /// Writes `work` on SQLite's own connection through the group-commit writer, mapping storage
    /// failures to 503. For this engine's own code (schema, backup, benchmarks, tests); the domain
    /// goes through `write(_:)` and the area stores.
    public func writeDatabase<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(work)
        } catch {
            throw StoreError.classify(error)
        }
    }

    /// Reads on one of the pool's reader connections, off the cooperative pool (engine code only).
    public func readDatabase<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(work)
        } catch {
            throw StoreError.classify(error)
        }
    }

    /// Copies committed WAL frames into the main file without blocking the writer or readers
    /// (SQLite's PASSIVE mode); returns the WAL's size in frames and how many were copied.
    @discardableResult
    public func checkpoint() throws -> (walFrames: Int, checkpointed: Int) {
        try checkpointer.writeWithoutTransaction { db in
            let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            return (row?[1] ?? 0, row?[2] ?? 0)
        }
    }

    /// Finishes pending writes and folds the WAL back into the main file.
    public func close() throws {
        writer.close()
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
