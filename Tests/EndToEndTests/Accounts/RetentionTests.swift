import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("Retention of what anonymous callers can grow")
struct RetentionTests {
    /// Waits until `sql` answers `expected` (the pruning pass runs on its own schedule).
    private func eventually(_ state: StateFolder, _ sql: String, _ expected: String, _ what: String) throws {
        var last = ""
        for _ in 0..<100 {
            last = try state.value(sql)
            if last == expected { return }
            usleep(100_000)
        }
        Issue.record("\(what): \(sql) gave \(last), expected \(expected)")
    }

    @Test("codes after a day, failures and locks when they stop counting, sessions when they expire, the outbox after 7 days, anonymous failure audit after 90")
    func pruning() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10", "retention-interval": "0.2"])
        let state = StateFolder(directory: daemon.directory)
        let account = try daemon.register("13600000081", password: "right1234")
        try daemon.call("sms.requestCode", ["phone": "13600000082", "purpose": "login"])
        for phone in ["13600000083", "13600000081"] {
            for _ in 1...5 { _ = rpcError { try daemon.call("account.login", ["phone": .string(phone), "password": "guess1234"]) } }
        }
        // A failure by a logged-in account is no anonymous one: it is kept.
        _ = rpcError { try daemon.call("account.changePassword", ["session": .string(account.session), "oldPassword": "guess1234", "newPassword": "fresh1234"]) }
        #expect(try state.value("SELECT count(*) FROM sms_code") == "2")
        #expect(try state.value("SELECT count(*) FROM login_lock") == "2")
        #expect(try state.value("SELECT count(*) FROM audit WHERE action = 'account.login_failed'") == "11")
        let kept = try state.value("SELECT count(*) FROM audit WHERE actor_account IS NOT NULL OR action NOT IN ('account.login_failed', 'account.locked')")

        try daemon.advance(seconds: 86_401)
        try eventually(state, "SELECT count(*) FROM sms_code", "0", "codes a day old")
        try eventually(state, "SELECT count(*) FROM login_failure", "0", "failures past the lock window")
        try eventually(state, "SELECT count(*) FROM login_lock", "0", "ended locks")
        #expect(try state.value("SELECT count(*) FROM sms_outbox") == "2")
        #expect(try state.value("SELECT count(*) FROM session") == "1")

        try daemon.advance(seconds: 7 * 86_400)
        try eventually(state, "SELECT count(*) FROM sms_outbox", "0", "outbox a week old")
        try eventually(state, "SELECT count(*) FROM session", "0", "expired sessions")
        #expect(try state.value("SELECT count(*) FROM audit WHERE action = 'account.login_failed'") == "11")

        try daemon.advance(seconds: 82 * 86_400)
        try eventually(state, "SELECT count(*) FROM audit WHERE actor_account IS NULL AND action IN ('account.login_failed', 'account.locked')", "0", "anonymous failures 90 days old")
        #expect(try state.value("SELECT count(*) FROM audit WHERE actor_account IS NOT NULL OR action NOT IN ('account.login_failed', 'account.locked')") == kept)
        #expect(try state.value("SELECT count(*) FROM audit WHERE action = 'account.login_failed' AND actor_account IS NOT NULL") == "1")
    }
}
