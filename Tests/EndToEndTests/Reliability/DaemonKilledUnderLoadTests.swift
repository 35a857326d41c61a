import Foundation
import JSONRPC
import Testing

/// Two daemons on one PostgreSQL database under heartbeats; one of them is killed with SIGKILL.
@Suite("One of two daemons killed under load")
struct DaemonKilledUnderLoadTests {
    @Test("the other keeps serving without a refusal; after the restart every acknowledged heartbeat is in the database and the restarted daemon serves again")
    func oneOfTwoKilled() throws {
        let group = try DaemonGroup(count: 2)
        // Teachers 0 and 2 play on daemon 0, which lives; 1 and 3 on daemon 1, which is killed.
        let fleet = try PlayerFleet.enrol(4, on: group.daemons, playbackId: "under-load")
        let survivors = [0, 2].map { fleet.players[$0] }, victims = [1, 3].map { fleet.players[$0] }
        fleet.players.forEach { $0.start() }
        defer { fleet.players.forEach { $0.stop() } }
        try #require(PlayerFleet.waitForAcknowledged(fleet.players, 20), "heartbeats before the kill: \(fleet.players.map { $0.snapshot.acknowledged.count })")

        #expect(group[1].stop(signal: SIGKILL) == SIGKILL)
        victims.forEach { $0.join() }
        let atKill = survivors.map { $0.snapshot.acknowledged.count }
        #expect(PlayerFleet.waitForAcknowledged(survivors, 30, since: atKill),
                "heartbeats on the living daemon after the kill: \(zip(survivors, atKill).map { $0.snapshot.acknowledged.count - $1 })")
        survivors.forEach { $0.stop() }
        for (index, player) in fleet.players.enumerated() {
            let tally = player.snapshot
            #expect(tally.failures.isEmpty && tally.unavailable.isEmpty, "teacher \(index): \(tally.failures), 503 for \(tally.unavailable)")
        }
        for player in survivors { #expect(!player.snapshot.connectionEnded) }
        for player in victims { #expect(player.snapshot.connectionEnded) }

        try group.restart(1)
        let checked = try fleet.expectEveryAcknowledgedHeartbeatStored(group.psql)
        #expect(checked >= 4 * 20)
        // The killed daemon's teachers play on, on the restarted one.
        let resumed = try [1, 3].map { index in
            let login = try group[1].call("account.login", ["phone": .string(fleet.teachers[index].phone), "password": "secret123"])
            return BackgroundPlayer(socketPath: group[1].socketPath, session: try #require(login["session"]?.stringValue),
                                    lessonId: CrashTopic.lessonId, playbackId: "after-restart")
        }
        resumed.forEach { $0.start() }
        defer { resumed.forEach { $0.stop() } }
        #expect(PlayerFleet.waitForAcknowledged(resumed, 5), "heartbeats on the restarted daemon: \(resumed.map { $0.snapshot.acknowledged.count })")
        resumed.forEach { $0.stop() }
        for player in resumed { #expect(player.snapshot.failures.isEmpty, "\(player.snapshot.failures)") }
    }
}
