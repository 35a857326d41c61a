import Foundation
import Locking
import PostgresCluster
import Testing
@testable import Yanxiu

/// Fresh, empty, migrated stores of either engine, for tests that pin a meaning both must give.
///
/// SQLite lives in a temporary folder; PostgreSQL is a fresh database on one throwaway cluster
/// that the test process starts on first use and stops when it exits.
enum TestStores {
    enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqlite
        case postgresql

        var testDescription: String { rawValue }
    }

    /// A new store of `engine`, removed when `body` returns.
    static func withStore<T>(_ engine: Engine, _ body: (any StoreEngine) async throws -> T) async throws -> T {
        switch engine {
        case .sqlite:
            let directory = NSTemporaryDirectory() + "yanxiu-store-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let store = try SQLiteStore(path: directory + "/test.sqlite")
            defer { try? store.close() }
            return try await body(store)
        case .postgresql:
            let store = try PostgresStore(conninfo: try SharedCluster.freshDatabase())
            defer { store.close() }
            return try await body(store)
        }
    }

    /// Runs `body` in one write transaction of a new store of `engine`.
    static func withTransaction(_ engine: Engine, _ body: @escaping @Sendable (any StoreTransaction) throws -> Void) async throws {
        try await withStore(engine) { store in try await store.write(body) }
    }

    /// The libpq connection string of a new, empty database on the shared cluster.
    static func freshPostgresDatabase() throws -> String {
        try SharedCluster.freshDatabase()
    }
}

/// The test process's one PostgreSQL cluster, started on first use and stopped at exit.
private enum SharedCluster {
    private static let state = Locked<(cluster: PostgresCluster?, databases: Int)>((nil, 0))

    static func freshDatabase() throws -> String {
        try state.withLock { state in
            let cluster: PostgresCluster
            if let running = state.cluster {
                cluster = running
            } else {
                cluster = try PostgresCluster.start(.init(fsync: false))
                state.cluster = cluster
                atexit { SharedCluster.stop() }
            }
            state.databases += 1
            let name = "t\(state.databases)"
            try cluster.createDatabase(name)
            return cluster.conninfo(database: name)
        }
    }

    static func stop() {
        state.withLock { $0.cluster?.remove() }
    }
}
