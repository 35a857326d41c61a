import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("Password locks per phone and client: a stranger cannot keep a teacher out")
struct LoginClientLockTests {
    static let stranger: JSONValue = "198.51.100.7"
    static let teacher: JSONValue = "203.0.113.5"

    private func login(_ daemon: LiveDaemon, _ phone: String, _ password: String, client: JSONValue? = nil) -> RPCError? {
        var params: JSONObject = ["phone": .string(phone), "password": .string(password)]
        if let client { params["client"] = client }
        return rpcError { try daemon.call("account.login", params) }
    }

    @Test("six wrong passwords from a stranger's address lock that address; the teacher logs in at once from theirs")
    func strangerLocksOnlyThemselves() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let account = try daemon.register("13900000031", password: "right1234")
        let answers = (1...6).map { _ in
            let failed = login(daemon, "13900000031", "guess1234", client: Self.stranger)
            return "\(failed?.code ?? 0) \(failed?.reason ?? "-")"
        }
        #expect(answers == Array(repeating: "401 account.credentials_invalid", count: 4) + Array(repeating: "403 account.locked", count: 2))
        // The lock holds the stranger even with the right password.
        #expect(login(daemon, "13900000031", "right1234", client: Self.stranger)?.reason == "account.locked")

        let session = try daemon.call("account.login", ["phone": "13900000031", "password": "right1234", "client": Self.teacher])
        #expect(session["userId"]?.int64Value == account.userID)
        // A back end that names no client shares the number's one key, which the stranger's address did not touch.
        #expect(try daemon.call("account.login", ["phone": "13900000031", "password": "right1234"])["userId"]?.int64Value == account.userID)
        // The teacher's login does not free the stranger.
        #expect(login(daemon, "13900000031", "guess1234", client: Self.stranger)?.reason == "account.locked")

        let failures = try daemon.audit("account.login_failed")
        #expect(failures.count == 5)
        #expect(failures.allSatisfy { $0["detail"]?["client"] == Self.stranger })
        #expect(try daemon.audit("account.locked").first?["detail"]?["client"] == Self.stranger)

        // A code login proves the number and lifts every lock on it.
        let code = try daemon.code("13900000031", "login")
        try daemon.call("account.login", ["phone": "13900000031", "code": .string(code)])
        #expect(login(daemon, "13900000031", "guess1234", client: Self.stranger)?.reason == "account.credentials_invalid")
    }

    @Test("calls without a client still share one lock per phone, which a named client does not meet")
    func unnamedCallsShareTheLock() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let account = try daemon.register("13900000032", password: "right1234")
        for _ in 1...5 { _ = login(daemon, "13900000032", "guess1234") }
        #expect(login(daemon, "13900000032", "right1234")?.reason == "account.locked")
        #expect(try daemon.call("account.login", ["phone": "13900000032", "password": "right1234", "client": Self.teacher])["userId"]?.int64Value
            == account.userID)
    }

    @Test("with a client, a registered and an unknown number answer six wrong passwords alike")
    func registeredAndUnknownAlike() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        _ = try daemon.register("13900000033", password: "right1234")
        func answers(_ phone: String) -> [String] {
            (1...6).map { _ in
                let failed = login(daemon, phone, "wrong1234", client: Self.stranger)
                return "\(failed?.code ?? 0) \(failed?.reason ?? "-") \(failed?.data["retryAfterMs"]?.int64Value ?? -1)"
            }
        }
        let registered = answers("13900000033")
        #expect(registered == answers("13900000034"))
        #expect(registered.last == "403 account.locked 900000")
    }

    @Test("wrong old passwords through a session lock the client they came from and end the session; the teacher's address stays open")
    func changePasswordCountsPerClient() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let account = try daemon.register("13900000035", password: "right1234")
        var last: RPCError?
        for _ in 1...5 {
            last = rpcError {
                try daemon.call("account.changePassword", [
                    "session": .string(account.session), "oldPassword": "guess1234", "newPassword": "fresh1234", "client": Self.stranger,
                ])
            }
        }
        #expect(last?.reason == "account.locked")
        #expect(rpcError { try daemon.call("account.me", ["session": .string(account.session)]) }?.reason == "session.unknown")
        #expect(login(daemon, "13900000035", "right1234", client: Self.stranger)?.reason == "account.locked")
        let session = try daemon.call("account.login", ["phone": "13900000035", "password": "right1234", "client": Self.teacher])
        #expect(session["userId"]?.int64Value == account.userID)
    }

    @Test("a client must be 1 to 128 printable ASCII characters, on login and on a password change")
    func clientIsChecked() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let account = try daemon.register("13900000036", password: "right1234")
        let cases: [(JSONValue, String)] = [
            ("", "empty"), (.string(String(repeating: "a", count: 129)), "too_long"), ("198.51.100.7\n", "format"), ("北京", "format"), (42, "type"),
        ]
        for (client, reason) in cases {
            let refused = login(daemon, "13900000036", "right1234", client: client)
            #expect(refused?.code == -32602, "\(client)")
            #expect(refused?.fieldReasons == ["client": reason], "\(client)")
            let change = rpcError {
                try daemon.call("account.changePassword", [
                    "session": .string(account.session), "oldPassword": "right1234", "newPassword": "fresh1234", "client": client,
                ])
            }
            #expect(change?.code == -32602, "\(client)")
            #expect(change?.fieldReasons == ["client": reason], "\(client)")
        }
        // The longest client is taken.
        #expect(login(daemon, "13900000036", "right1234", client: .string(String(repeating: "a", count: 128))) == nil)
    }
}
