import Foundation
import JSONRPC
import Testing

/// Teachers of the crash topic, each playing one playback on one of several daemons of one
/// database, with a session opened on that daemon.
struct PlayerFleet {
    let teachers: [TestAccount]
    let players: [BackgroundPlayer]

    /// Imports the topic through `daemons[0]`, enrols `count` teachers, and gives teacher `i` a
    /// player on `daemons[i % daemons.count]`.
    static func enrol(_ count: Int, on daemons: [LiveDaemon], playbackId: String) throws -> PlayerFleet {
        let school = try daemons[0].schoolID("110101", "北京市第二中学")
        let teachers = try CrashTopic.importAndEnroll(daemons[0], school: school, count: count)
        let players = try teachers.enumerated().map { index, teacher in
            let daemon = daemons[index % daemons.count]
            let login = try daemon.call("account.login", ["phone": .string(teacher.phone), "password": .string(teacher.password)])
            let session = try #require(login["session"]?.stringValue)
            return BackgroundPlayer(socketPath: daemon.socketPath, session: session, lessonId: CrashTopic.lessonId, playbackId: playbackId)
        }
        return PlayerFleet(teachers: teachers, players: players)
    }

    /// Waits up to `timeout` seconds until every one of `players` has had `count` more heartbeats
    /// acknowledged than `since` says (all zero when not given); false when the time ran out.
    static func waitForAcknowledged(_ players: [BackgroundPlayer], _ count: Int, since: [Int]? = nil, timeout: TimeInterval = 60) -> Bool {
        let base = since ?? players.map { _ in 0 }
        return waitUntil(timeout: timeout) {
            zip(players, base).allSatisfy { player, before in player.snapshot.acknowledged.count >= before + count }
        }
    }

    /// Checks, on the database `psql` reads, that each player's acknowledged heartbeats are all
    /// stored, and that nothing is stored that the player did not send. Returns how many were checked.
    @discardableResult
    func expectEveryAcknowledgedHeartbeatStored(_ psql: (String) throws -> String, players chosen: [Int]? = nil) throws -> Int {
        var checked = 0
        for index in chosen ?? Array(players.indices) {
            let player = players[index], tally = player.snapshot
            let stored = try psql("SELECT seq FROM heartbeat WHERE account_id = \(teachers[index].userID) AND playback_id = '\(player.playbackId)' ORDER BY seq")
                .split(separator: "\n").compactMap { Int64($0) }
            let missing = Set(tally.acknowledged).subtracting(stored)
            #expect(missing.isEmpty, "teacher \(index): acknowledged heartbeats missing: \(missing.sorted())")
            // What was answered 503, or in flight when the connection ended, may be there or not.
            let unknown = Set(tally.unavailable).union([tally.inFlight].compactMap { $0 })
            let unexpected = Set(stored).subtracting(tally.acknowledged).subtracting(unknown)
            #expect(unexpected.isEmpty, "teacher \(index): stored heartbeats never acknowledged: \(unexpected.sorted())")
            #expect(stored.count == Set(stored).count, "teacher \(index): a heartbeat stored twice")
            checked += tally.acknowledged.count
        }
        return checked
    }

    /// Whether `condition` holds within `timeout` seconds, asked every 20 ms.
    static func waitUntil(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}
