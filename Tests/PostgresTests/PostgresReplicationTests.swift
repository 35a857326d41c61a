import Foundation
import PostgresCluster
import Testing

@Suite("Throwaway clusters with streaming standbys")
struct PostgresReplicationTests {
    @Test func aRowWrittenOnThePrimaryAppearsOnTheStandbyWhichRefusesWrites() throws {
        let primary = try PostgresCluster.start(.init(fsync: false))
        defer { primary.remove() }
        let standby = try primary.startStandby()
        defer { standby.remove() }
        #expect(standby.folder != primary.folder && standby.port != primary.port)
        #expect(try standby.psql("SHOW port") == String(standby.port))
        #expect(try standby.isInRecovery())
        #expect(try !primary.isInRecovery())
        #expect(try primary.psql("SELECT sync_state FROM pg_stat_replication WHERE application_name = '\(standby.standbyName)'") == "async")

        try primary.createDatabase("t_streamed")
        _ = try primary.psql("CREATE TABLE teachers (name TEXT); INSERT INTO teachers VALUES ('Li')", database: "t_streamed")
        #expect(eventually { (try? standby.psql("SELECT name FROM teachers", database: "t_streamed")) == "Li" })
        let refused = #expect(throws: PostgresClusterError.self) {
            try standby.psql("INSERT INTO teachers VALUES ('Wang')", database: "t_streamed")
        }
        #expect(refused?.description.contains("read-only transaction") == true)
    }

    @Test func afterTheSynchronousPrimaryIsKilledThePromotedStandbyHoldsEveryCommitAndAcceptsWrites() throws {
        let primary = try PostgresCluster.start(.init(fsync: false))
        defer { primary.remove() }
        let standby = try primary.startStandby(synchronous: true)
        defer { standby.remove() }
        #expect(try primary.psql("SELECT sync_state FROM pg_stat_replication WHERE application_name = '\(standby.standbyName)'") == "sync")
        // One transaction per row: each is acknowledged only once the standby has flushed it.
        let inserts = (1...200).map { "INSERT INTO kept VALUES (\($0));" }.joined(separator: "\n")
        _ = try primary.psql("CREATE TABLE kept (n INT);\n" + inserts)

        primary.kill()
        #expect(!primary.isRunning)
        try standby.promote()
        #expect(try !standby.isInRecovery())
        #expect(try standby.psql("SELECT count(*), max(n) FROM kept") == "200|200")
        _ = try standby.psql("INSERT INTO kept VALUES (201)")
        #expect(try standby.psql("SELECT count(*) FROM kept") == "201")
        // A promoted standby waits for no standby of its own.
        #expect(try standby.psql("SHOW synchronous_standby_names") == "")
    }

    @Test func aConnectionStringNamingBothServersReachesWhicheverIsThePrimary() throws {
        let primary = try PostgresCluster.start(.init(fsync: false))
        defer { primary.remove() }
        let standby = try primary.startStandby()
        defer { standby.remove() }
        let both = PostgresCluster.conninfo(database: "postgres", servers: [primary, standby])
        #expect(both.contains("target_session_attrs=read-write"))
        #expect(try primary.psql("SHOW port", conninfo: both, password: nil) == String(primary.port))
        let reversed = PostgresCluster.conninfo(database: "postgres", servers: [standby, primary])
        #expect(try primary.psql("SHOW port", conninfo: reversed, password: nil) == String(primary.port))

        primary.kill()
        // Only a standby is left: libpq refuses it for a read-write session.
        let refused = #expect(throws: PostgresClusterError.self) { try primary.psql("SELECT 1", conninfo: both, password: nil) }
        #expect(refused?.description.contains("read-only") == true || refused?.description.contains("standby") == true, "\(refused?.description ?? "")")
        try standby.promote()
        #expect(try standby.psql("SHOW port", conninfo: both, password: nil) == String(standby.port))
    }
}

/// Whether `condition` holds within 30 s.
private func eventually(_ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
        if condition() { return true }
        usleep(20_000)
    }
    return false
}
