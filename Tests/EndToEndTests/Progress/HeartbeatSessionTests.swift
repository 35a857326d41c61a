import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// Heartbeats prove their session on the path every method takes, so what holds for
/// `account.me` holds for them: a proof that began before a logout is never trusted after it.
@Suite("Heartbeat sessions")
struct HeartbeatSessionTests {
    @Test("a heartbeat whose session proof is held while logout commits leaves nothing trusted: the next heartbeat and account.me answer session.unknown")
    func heartbeatProofRacingLogout() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        try ProgressEndToEndTests.inWindow(daemon)
        let (teacher, _) = try ProgressEndToEndTests.enrolledTeacher(daemon, phone: "13200000081")
        // A fresh session that nothing has proven yet: the held heartbeat is its first proof.
        let doomed = try ProgressEndToEndTests.login(daemon, teacher)
        try daemon.call("testFault.delaySessionFill", ["seconds": 2, "count": 1])
        let proof = DispatchGroup()
        let socketPath = daemon.socketPath
        DispatchQueue.global().async(group: proof) {
            _ = try? LiveDaemon.callDetached(socketPath, "progress.heartbeat", [
                "session": .string(doomed), "lessonId": "c01-l02", "playbackId": "pb-held", "seq": 1, "positionMs": 0,
                "state": "playing", "rate": 1,
            ])
        }
        var waiting = false
        for _ in 0..<500 where !waiting {
            waiting = try daemon.call("testFault.delaySessionFill", ["seconds": 2, "count": 1])["waiting"] == 1
            if !waiting { usleep(10_000) }
        }
        try daemon.call("testFault.delaySessionFill", ["seconds": 0, "count": 0])
        #expect(waiting, "the heartbeat's proof never reached the cache")
        try daemon.call("account.logout", ["session": .string(doomed)])
        proof.wait()

        let player = try ProgressPlayer(daemon: daemon, session: doomed, lessonId: "c01-l02")
        let refused = rpcError { try player.beat() }
        #expect(refused?.code == 401)
        #expect(refused?.reason == "session.unknown")
        #expect(rpcError { try daemon.call("account.me", ["session": .string(doomed)]) }?.reason == "session.unknown")
    }

    @Test("a session a heartbeat proved serves other methods, and a logout ends it for both at once")
    func provenOnceEndedForAll() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        try ProgressEndToEndTests.inWindow(daemon)
        let (teacher, _) = try ProgressEndToEndTests.enrolledTeacher(daemon, phone: "13200000082")
        let session = try ProgressEndToEndTests.login(daemon, teacher)
        let player = try ProgressPlayer(daemon: daemon, session: session, lessonId: "c01-l02")
        #expect(try player.beat()["verdict"] == "start")
        #expect(try daemon.call("account.me", ["session": .string(session)])["userId"]?.int64Value == teacher.userID)
        try daemon.call("account.logout", ["session": .string(session)])
        #expect(rpcError { try player.beat() }?.reason == "session.unknown")
        #expect(rpcError { try daemon.call("account.me", ["session": .string(session)]) }?.reason == "session.unknown")
    }
}
