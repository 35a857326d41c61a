import Foundation
import PostgresCluster

/// The store the live daemons of this test process run on: SQLite unless the environment
/// says `YANXIU_TEST_STORE=postgresql`.
enum TestStore: String, Sendable {
    case sqlite
    case postgresql

    static let current: TestStore = ProcessInfo.processInfo.environment["YANXIU_TEST_STORE"] == "postgresql" ? .postgresql : .sqlite
}

/// The one PostgreSQL cluster the daemons of this test process share, each on a database of
/// its own; started on first use and removed when the process exits.
enum SharedPostgres {
    private static let started: Result<PostgresCluster, any Error> = {
        let result = Result {
            try PostgresCluster.start(.init(
                // Many daemons run at once, each with connections of its own.
                settings: ["max_connections": "500"],
                // Durability of the server is not under test here: tests that crash PostgreSQL
                // start a cluster of their own.
                fsync: false,
                launcher: PostgresCluster.Launcher(ProcessLaunch.run)
            ))
        }
        if case .success = result { atexit { SharedPostgres.removeAtExit() } }
        return result
    }()

    static func cluster() throws -> PostgresCluster { try started.get() }

    /// The database of the daemons on the state folder `directory`: made for the first daemon,
    /// and found again by a daemon started later on the same folder.
    static func database(for directory: String) throws -> String {
        let record = directory + "/.test-postgresql-database"
        if let name = try? String(contentsOfFile: record, encoding: .utf8), !name.isEmpty { return name }
        let name = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try cluster().createDatabase(name)
        try name.write(toFile: record, atomically: true, encoding: .utf8)
        return name
    }

    /// The settings that put a daemon on its database.
    static func configuration(directory: String) throws -> [String: String] {
        ["store": "postgresql", "postgresql": try cluster().conninfo(database: database(for: directory))]
    }

    private static func removeAtExit() {
        if case .success(let cluster) = started { cluster.remove() }
    }
}
