import GRDB
import Testing
@testable import Yanxiu

/// Code login and password reset prove the phone the same way (`AccountService.proveByCode`).
@Suite("Proving a phone by its code")
struct PhoneProofTests {
    let phone = try! PhoneNumber("13900000041")
    let codes = SMSCodeBook()
    let loginGuard = LoginGuard()

    /// The proven account's id, or the refusal's reason.
    private func prove(_ tx: any StoreTransaction, _ code: String, now: Int64) throws -> String {
        switch try AccountService.proveByCode(tx, phone: phone, purpose: .login, code: code, codes: codes, loginGuard: loginGuard, now: now) {
        case .success(let account): "account:\(account.id)"
        case .failure(let refusal): refusal.reason
        }
    }

    @Test("a wrong code counts and lifts nothing; the right one lifts every lock, then names an unknown phone; a registered one is returned")
    func proof() throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        try queue.write { db in
            let tx = SQLiteTransaction(db)
            try tx.accounts.setLoginLock(phone: phone.digits, client: "198.51.100.7", until: 10_000)
            let code = try codes.issue(tx, phone: phone.digits, purpose: .login, now: 0).code
            let wrong = code == "000000" ? "111111" : "000000"
            #expect(try prove(tx, wrong, now: 1) == "sms.code_invalid")
            #expect(try tx.accounts.latestCode(phone: phone.digits, purpose: .login)?.failedAttempts == 1)
            #expect(try tx.accounts.loginLock(phone: phone.digits, client: "198.51.100.7") == 10_000)

            #expect(try prove(tx, code, now: 2) == "account.unknown")
            #expect(try tx.accounts.loginLock(phone: phone.digits, client: "198.51.100.7") == nil)

            let id = try #require(try tx.accounts.createAccount(phone: phone.digits, passwordHash: "x", at: 3))
            let next = try codes.issue(tx, phone: phone.digits, purpose: .login, now: 70_000).code
            #expect(try prove(tx, next, now: 70_001) == "account:\(id)")
            #expect(try prove(tx, next, now: 70_002) == "sms.code_invalid")
        }
    }
}
