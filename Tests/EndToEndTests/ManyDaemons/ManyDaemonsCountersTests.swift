import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// Two daemons on one PostgreSQL database count SMS codes, code tries and failed logins once:
/// calls made at the same moment on both are counted as if one daemon had taken them all.
@Suite("Many daemons: limits counted once")
struct ManyDaemonsCountersTests {
    @Test("codes asked for at once on A and B: one is sent, every other is rate-limited")
    func oneCodeAcrossDaemons() throws {
        let group = try DaemonGroup()
        let daemons = [group[0], group[1]]
        let outcomes = concurrently(8) { index in
            try daemons[index % 2].client().call("sms.requestCode", ["phone": "13300000201", "purpose": "register"])
        }
        #expect(tally(outcomes) == ["ok": 1, "sms.rate_limited": 7], "\(outcomes)")
        #expect(try group.psql("SELECT count(*) FROM sms_code WHERE phone = '13300000201'") == "1")
    }

    @Test("wrong codes tried at once on A and B: exactly sms-max-attempts count, the rest find the code void, and so does the right one")
    func codeTriesAcrossDaemons() throws {
        let group = try DaemonGroup()
        let daemons = [group[0], group[1]]
        let code = try group[0].code("13300000202", "register")
        let wrong = code == "000000" ? "111111" : "000000"
        let outcomes = concurrently(8) { index in
            try daemons[index % 2].client().call("account.register", [
                "phone": "13300000202", "code": .string(wrong), "password": "secret123", "agreeTerms": true,
            ])
        }
        #expect(tally(outcomes) == ["sms.code_invalid/wrong": 5, "sms.code_invalid/exhausted": 3], "\(outcomes)")
        let right = rpcError { try group[1].call("account.register", ["phone": "13300000202", "code": .string(code), "password": "secret123", "agreeTerms": true]) }
        #expect(right?.data["cause"]?.stringValue == "exhausted")
    }

    @Test("wrong passwords at once on A and B: the fifth failure locks, once, for both daemons")
    func lockoutAcrossDaemons() throws {
        let group = try DaemonGroup()
        let daemons = [group[0], group[1]]
        let account = try group[0].register("13300000203")
        let outcomes = concurrently(10) { index in
            try daemons[index % 2].client().call("account.login", ["phone": "13300000203", "password": "not-the-password"])
        }
        #expect(tally(outcomes) == ["account.credentials_invalid": 4, "account.locked": 6], "\(outcomes)")
        #expect(try group[1].audit("account.login_failed").count == 5)
        #expect(try group[0].audit("account.locked").count == 1)
        for daemon in daemons {
            let locked = rpcError { try daemon.call("account.login", ["phone": "13300000203", "password": .string(account.password)]) }
            #expect(locked?.reason == "account.locked")
        }
    }
}
