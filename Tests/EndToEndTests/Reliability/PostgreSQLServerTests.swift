import Foundation
import JSONRPC
import PostgresCluster
import Testing

/// The daemon against a PostgreSQL server of its own that refuses it, or goes away under load.
@Suite("PostgreSQL: a refused start, and a server that goes away while teachers register")
struct PostgreSQLServerTests {
    @Test("a wrong password (from a password file) and an unreachable server stop the daemon at start with one line and a non-zero exit")
    func refusedAtStart() throws {
        let cluster = try PostgresCluster.start(.init(password: "the-right-one", fsync: false))
        defer { cluster.remove() }
        let directory = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let passfile = directory + "/pgpass"
        try "*:*:*:*:a-wrong-one\n".write(toFile: passfile, atomically: true, encoding: .utf8)
        chmod(passfile, 0o600)

        for (conninfo, expected) in [
            (cluster.conninfo(database: "postgres") + " passfile=\(passfile)", "password authentication failed"),
            ("host=127.0.0.1 port=1 dbname=yanxiu connect_timeout=2", "Connection refused"),
        ] {
            let file = directory + "/yanxiud.conf"
            try "state-dir = \(directory)/state\nstore = postgresql\npostgresql = \(conninfo)\n".write(toFile: file, atomically: true, encoding: .utf8)
            let result = try run(LiveDaemon.daemonPath, ["--config", file])
            #expect(result.status != 0)
            let said = result.output.split(separator: "\n").filter { $0.hasPrefix("yanxiud: ") }
            #expect(said.count == 1 && said[0].contains(expected), "\(result.output)")
            #expect(!result.output.contains("a-wrong-one"))
        }
    }

    @Test("server stopped under load: requests answer 503 store.unavailable, the daemon recovers by itself, and every acknowledged registration is there")
    func serverStoppedUnderLoad() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        try cluster.createDatabase("yanxiu")
        let daemon = try LiveDaemon(config: [
            "store": "postgresql", "postgresql": cluster.conninfo(database: "yanxiu"),
        ])
        var acknowledged: [String] = []
        var unavailable = 0
        var refusals: [String] = []
        var serial = 0
        func attempt() throws {
            serial += 1
            let phone = String(format: "1370000%04d", serial)
            do {
                _ = try daemon.register(phone)
                acknowledged.append(phone)
            } catch let error as RPCError {
                #expect(error.reason == "store.unavailable", "\(error)")
                #expect(error.data["retryAfterMs"] != nil)
                unavailable += 1
                refusals.append("\(phone): \(error)")
            }
        }
        for _ in 0..<10 { try attempt() }
        #expect(acknowledged.count == 10)
        try cluster.stop(mode: .immediate)
        for _ in 0..<5 { try attempt() }
        #expect(unavailable >= 5)
        // The daemon itself keeps serving what needs no database.
        #expect(try daemon.call("system.ping")["pong"] != nil)
        try cluster.restart()
        let before = acknowledged.count
        for _ in 0..<10 { try attempt() }
        #expect(acknowledged.count == before + 10, "the daemon recovered without a restart; refused: \(refusals.suffix(3))\n\(daemon.log.suffix(3000))")
        for phone in acknowledged {
            let login = try daemon.call("account.login", ["phone": .string(phone), "password": "secret123"])
            #expect(login["session"]?.stringValue != nil, "\(phone)")
        }
    }
}
