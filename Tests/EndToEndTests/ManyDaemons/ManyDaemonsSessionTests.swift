import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// Two daemons on one PostgreSQL database: a session works on both, and ends on both.
@Suite("Many daemons: sessions")
struct ManyDaemonsSessionTests {
    /// Asks `daemon` with `session` until it is refused (at most `limit` seconds); returns the
    /// refusal and how long it took.
    private func refusal(on daemon: LiveDaemon, session: String, limit: TimeInterval = 1) throws -> (error: RPCError?, seconds: TimeInterval) {
        let start = Date()
        while Date().timeIntervalSince(start) < limit {
            if let error = rpcError({ try daemon.call("account.me", ["session": .string(session)]) }) {
                return (error, Date().timeIntervalSince(start))
            }
            usleep(20_000)
        }
        return (nil, Date().timeIntervalSince(start))
    }

    @Test("a session opened on A works on B; logout, a password change or an operator's rebinding on A refuses it on B within a second",
          arguments: ["logout", "changePassword", "rebindPhone"])
    func endedEverywhere(ending: String) throws {
        let group = try DaemonGroup()
        let (a, b) = (group[0], group[1])
        let school = try a.schoolID("110101", "北京市第二中学")
        let teacher = try a.teacher("13300000101", schoolID: school)
        // B proves the session from the database once, then answers from its cache.
        for _ in 0..<3 { #expect(try b.call("account.me", ["session": .string(teacher.session)])["userId"]?.int64Value == teacher.userID) }

        switch ending {
        case "logout":
            try a.call("account.logout", ["session": .string(teacher.session)])
        case "changePassword":
            try a.call("account.changePassword", ["session": .string(teacher.session), "oldPassword": .string(teacher.password), "newPassword": "another123"])
        default:
            try a.call("account.rebindPhone", [
                "userId": .int64(teacher.userID), "name": "张伟", "idNumber": "110101199003071233", "oldPhone": .string(teacher.phone),
                "newPhone": "13300000102", "ticket": "SUP-15",
            ])
        }
        let (refused, seconds) = try refusal(on: b, session: teacher.session)
        #expect(refused?.code == 401 && refused?.reason == "session.unknown", "B still accepts the session after \(seconds) s")
        #expect(seconds < 1)
    }

    @Test("a daemon whose revocation connection was cut refuses a session ended on another daemon meanwhile")
    func revocationsMissedWhileCut() throws {
        let group = try DaemonGroup()
        let (a, b) = (group[0], group[1])
        let teacher = try a.register("13300000111")
        #expect(try b.call("account.me", ["session": .string(teacher.session)])["userId"]?.int64Value == teacher.userID)
        // The server ends B's listening connection (and A's); B cannot hear what A ends until it is back.
        let cut = try group.psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'yanxiud-revocations' AND datname = current_database()")
        #expect(cut == "2")
        try a.call("account.logout", ["session": .string(teacher.session)])
        let (refused, seconds) = try refusal(on: b, session: teacher.session, limit: 1.5)
        #expect(refused?.reason == "session.unknown", "B still accepts the session after \(seconds) s")
        // Both listen again.
        var listening = ""
        for _ in 0..<100 where listening != "2" {
            usleep(50_000)
            listening = try group.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'yanxiud-revocations' AND datname = current_database()")
        }
        #expect(listening == "2")
    }
}
