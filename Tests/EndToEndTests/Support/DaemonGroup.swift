import Foundation
import PostgresCluster

/// Several real daemons on ONE PostgreSQL database, each with its own state folder and socket,
/// as on the hosts of a scaled-out deployment. Whatever `YANXIU_TEST_STORE` says, a group runs
/// on a fresh database of the shared throwaway cluster.
final class DaemonGroup: @unchecked Sendable {
    let database: String
    /// The connection string every daemon of the group is given.
    let conninfo: String
    /// Settings every daemon of the group shares (the store's among them).
    let settings: [String: String]
    let arguments: [String]
    /// Touched only by the test that owns the group.
    private(set) var daemons: [LiveDaemon]
    /// Daemons replaced by a restart; kept until the group ends, since the first daemon on a
    /// folder removes it when it is released.
    private var replaced: [LiveDaemon] = []

    init(count: Int = 2, config: [String: String] = [:], arguments: [String] = ["--test-clock"]) throws {
        let cluster = try SharedPostgres.cluster()
        database = "g" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try cluster.createDatabase(database)
        conninfo = cluster.conninfo(database: database)
        settings = config.merging(["store": "postgresql", "postgresql": conninfo]) { own, _ in own }
        self.arguments = arguments
        var started: [LiveDaemon] = []
        for _ in 0..<count { started.append(try LiveDaemon(config: settings, arguments: arguments)) }
        daemons = started
    }

    subscript(index: Int) -> LiveDaemon { daemons[index] }

    /// Starts daemon `index` again on its own state folder (after it stopped or was killed).
    func restart(_ index: Int) throws {
        let old = daemons[index]
        _ = old.stop(signal: SIGKILL)
        replaced.append(old)
        daemons[index] = try LiveDaemon(config: settings, arguments: arguments, directory: old.directory)
    }

    /// Runs SQL on the group's database (`psql -XAt`) and returns its output.
    func psql(_ sql: String) throws -> String {
        try SharedPostgres.cluster().psql(sql, database: database)
    }
}
