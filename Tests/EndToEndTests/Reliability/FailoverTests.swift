import Foundation
import JSONRPC
import PostgresCluster
import Testing

/// Two daemons on a primary with a synchronous streaming standby, the connection string naming
/// both; the primary is killed under heartbeats and the test promotes the standby, as an
/// operator (or the operator's failover tool) would.
@Suite("PostgreSQL failover: the primary killed under load, its synchronous standby promoted")
struct FailoverTests {
    @Test("meanwhile both daemons answer 503 store.unavailable; they resume on the new primary without a restart, and it holds every acknowledged heartbeat")
    func primaryKilledUnderLoad() throws {
        let launcher = PostgresCluster.Launcher(ProcessLaunch.run)
        // A kill of the server's processes loses nothing the kernel holds, so durability on disk
        // (fsync) is not what this test is about; replication is.
        let primary = try PostgresCluster.start(.init(fsync: false, launcher: launcher))
        defer { primary.remove() }
        let standby = try primary.startStandby(synchronous: true)
        defer { standby.remove() }
        try primary.createDatabase("yanxiu")
        let config = ["store": "postgresql", "postgresql": PostgresCluster.conninfo(database: "yanxiu", servers: [primary, standby])]
        let daemons = try [LiveDaemon(config: config), LiveDaemon(config: config)]
        let fleet = try PlayerFleet.enrol(4, on: daemons, playbackId: "failover")
        fleet.players.forEach { $0.start() }
        defer { fleet.players.forEach { $0.stop() } }
        try #require(PlayerFleet.waitForAcknowledged(fleet.players, 20), "heartbeats before the kill: \(fleet.players.map { $0.snapshot.acknowledged.count })")

        primary.kill()
        let killedAt = Date()
        let refused = PlayerFleet.waitUntil(timeout: 30) { fleet.players.allSatisfy { $0.snapshot.unavailable.count >= 3 } }
        #expect(refused, "every player hears 503 while there is no primary: \(fleet.players.map { $0.snapshot.unavailable.count })")
        for daemon in daemons { #expect(try daemon.call("system.ping")["pong"] != nil) }
        // A second without a primary, as a promotion by hand takes at least.
        usleep(UInt32(max(0, 1 - Date().timeIntervalSince(killedAt)) * 1_000_000))
        let beforePromotion = fleet.players.map { $0.snapshot.acknowledged.count }

        try standby.promote()
        let promotedAt = Date()
        let recovered = PlayerFleet.waitForAcknowledged(fleet.players, 20, since: beforePromotion)
        let recoveredAt = Date()
        #expect(recovered, "heartbeats after the promotion: \(zip(fleet.players, beforePromotion).map { $0.snapshot.acknowledged.count - $1 })")
        fleet.players.forEach { $0.stop() }

        for (index, player) in fleet.players.enumerated() {
            let tally = player.snapshot
            #expect(tally.failures.isEmpty, "teacher \(index): \(tally.failures)")
            #expect(!tally.connectionEnded, "teacher \(index): the daemon closed the connection")
        }
        for daemon in daemons { #expect(daemon.process.isRunning, "the daemon was not restarted") }
        let checked = try fleet.expectEveryAcknowledgedHeartbeatStored { try standby.psql($0, database: "yanxiu") }
        let unavailable = fleet.players.reduce(0) { $0 + $1.snapshot.unavailable.count }
        print(String(
            format: "failover: %d acknowledged heartbeats all on the new primary; %d answered 503 over %.1f s without a primary; first 20 per player %.1f s after the promotion",
            checked, unavailable, promotedAt.timeIntervalSince(killedAt), recoveredAt.timeIntervalSince(promotedAt)))
    }
}
