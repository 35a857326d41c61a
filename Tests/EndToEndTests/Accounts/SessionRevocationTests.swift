import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("Ending sessions: nothing proven before the end outlives it")
struct SessionRevocationTests {
    /// A proof of `session` that read the database before `end` committed but caches it after:
    /// `testFault.delaySessionFill` holds the proof between its read and its store.
    private func raceProofAgainst(_ daemon: LiveDaemon, session: String, end: () throws -> Void) throws {
        try daemon.call("testFault.delaySessionFill", ["seconds": 2, "count": 1])
        let proof = DispatchGroup()
        let socketPath = daemon.socketPath
        DispatchQueue.global().async(group: proof) {
            _ = try? LiveDaemon.callDetached(socketPath, "account.me", ["session": .string(session)])
        }
        // Until the proof has read the session and waits; then no other proof waits.
        var waiting = false
        for _ in 0..<500 where !waiting {
            waiting = try daemon.call("testFault.delaySessionFill", ["seconds": 2, "count": 1])["waiting"] == 1
            if !waiting { usleep(10_000) }
        }
        try daemon.call("testFault.delaySessionFill", ["seconds": 0, "count": 0])
        #expect(waiting, "the proof never reached the cache")
        try end()
        proof.wait()
    }

    @Test("a session proven while logout, a password change or a phone change commits is refused to heartbeats right after", arguments: ["logout", "changePassword", "changePhone"])
    func revokedSessionRefusedToHeartbeats(ending: String) throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        try ProgressEndToEndTests.inWindow(daemon)
        let (teacher, _) = try ProgressEndToEndTests.enrolledTeacher(daemon, phone: "13200000071")
        let player = try ProgressPlayer(daemon: daemon, session: teacher.session, lessonId: "c01-l02")
        #expect(try player.beat()["verdict"] == "start")

        // A fresh session that nothing has cached yet; the race fills the cache with it.
        let doomed = try ProgressEndToEndTests.login(daemon, teacher)
        let codes = ending == "changePhone" ? (try daemon.code(teacher.phone, "changePhoneOld"), try daemon.code("13200000072", "changePhoneNew")) : ("", "")
        try raceProofAgainst(daemon, session: doomed) {
            switch ending {
            case "logout": try daemon.call("account.logout", ["session": .string(doomed)])
            case "changePhone":
                try daemon.call("account.changePhone", [
                    "session": .string(doomed), "oldCode": .string(codes.0), "newPhone": "13200000072", "newCode": .string(codes.1),
                ])
            default:
                try daemon.call("account.changePassword", [
                    "session": .string(doomed), "oldPassword": .string(teacher.password), "newPassword": "another123",
                ])
            }
        }
        player.session = doomed
        let refused = rpcError { try player.beat() }
        #expect(refused?.code == 401)
        #expect(refused?.reason == "session.unknown")
        #expect(rpcError { try daemon.call("account.me", ["session": .string(doomed)]) }?.reason == "session.unknown")
    }
}

extension LiveDaemon {
    /// One call on its own connection, usable from another thread.
    static func callDetached(_ socketPath: String, _ method: String, _ params: JSONObject) throws -> JSONValue {
        try RPCClient(socketPath: socketPath).call(method, params)
    }
}
