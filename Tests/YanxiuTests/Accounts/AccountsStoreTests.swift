import Foundation
import GRDB
import Testing
@testable import Yanxiu

/// The meanings of `AccountsStore` operations that every engine must give alike, on SQLite.
@Suite("The accounts store: what conflicts and empty answers mean")
struct AccountsStoreTests {
    private func withTransaction(_ body: (any StoreTransaction) throws -> Void) throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        try queue.write { db in try body(SQLiteTransaction(db)) }
    }

    @Test("a phone holds one account: creating a second answers nil and changes nothing")
    func createConflict() throws {
        try withTransaction { tx in
            let id = try #require(try tx.accounts.createAccount(phone: "13900000001", passwordHash: "a", at: 5))
            #expect(try tx.accounts.createAccount(phone: "13900000001", passwordHash: "b", at: 6) == nil)
            let account = try #require(try tx.accounts.account(phone: "13900000001"))
            #expect(account.id == id && account.passwordHash == "a" && account.createdAt == 5)
            #expect(try tx.accounts.account(id: id + 1) == nil)
            #expect(throws: DomainError.self) { try tx.accounts.requireAccount(id: id + 1) }
        }
    }

    @Test("the latest code is the last issued, also when two share an instant; times count every purpose")
    func latestCode() throws {
        try withTransaction { tx in
            #expect(try tx.accounts.latestCode(phone: "13900000001", purpose: .login) == nil)
            _ = try tx.accounts.insertCode(phone: "13900000001", purpose: .login, codeHash: Data([1]), createdAt: 10, expiresAt: 20)
            let second = try tx.accounts.insertCode(phone: "13900000001", purpose: .login, codeHash: Data([2]), createdAt: 10, expiresAt: 30)
            _ = try tx.accounts.insertCode(phone: "13900000001", purpose: .register, codeHash: Data([3]), createdAt: 12, expiresAt: 30)
            try tx.accounts.countWrongTry(codeID: second)
            try tx.accounts.markCodeUsed(codeID: second, at: 15)
            #expect(try tx.accounts.latestCode(phone: "13900000001", purpose: .login)
                == SMSCodeRecord(id: second, codeHash: Data([2]), expiresAt: 30, failedAttempts: 1, usedAt: 15))
            #expect(try tx.accounts.latestCodeTime(phone: "13900000001", purpose: .register) == 12)
            #expect(try tx.accounts.codeTimes(phone: "13900000001", after: 10) == [12])
        }
    }

    @Test("failures are forgotten per client or for every client; locks are lifted per phone")
    func failuresAndLocks() throws {
        try withTransaction { tx in
            for client in ["", "a", "b"] { try tx.accounts.addLoginFailure(phone: "1", client: client, at: 7) }
            try tx.accounts.deleteLoginFailures(phone: "1", client: "a")
            #expect(try tx.accounts.loginFailureTimes(phone: "1", client: "a", after: 0) == [])
            #expect(try tx.accounts.loginFailureTimes(phone: "1", client: "b", after: 6) == [7])
            #expect(try tx.accounts.loginFailureTimes(phone: "1", client: "b", after: 7) == [])
            try tx.accounts.deleteLoginFailures(phone: "1", client: nil)
            #expect(try tx.accounts.loginFailureTimes(phone: "1", client: "", after: 0) == [])
            try tx.accounts.setLoginLock(phone: "1", client: "a", until: 10)
            try tx.accounts.setLoginLock(phone: "1", client: "a", until: 12)
            #expect(try tx.accounts.loginLock(phone: "1", client: "a") == 12)
            try tx.accounts.deleteLoginLocks(phone: "1")
            #expect(try tx.accounts.loginLock(phone: "1", client: "a") == nil)
        }
    }

    @Test("a session is found expired or not; ending an account's sessions ends them all")
    func sessions() throws {
        try withTransaction { tx in
            let id = try #require(try tx.accounts.createAccount(phone: "13900000001", passwordHash: "a", at: 0))
            try tx.accounts.insertSession(tokenHash: Data([1]), accountID: id, createdAt: 0, expiresAt: 5)
            try tx.accounts.insertSession(tokenHash: Data([2]), accountID: id, createdAt: 0, expiresAt: 9)
            try tx.accounts.setSessionExpiry(tokenHash: Data([1]), expiresAt: 3)
            #expect(try tx.accounts.session(tokenHash: Data([1]))?.expiresAt == 3)
            try tx.accounts.deleteSessions(accountID: id)
            #expect(try tx.accounts.session(tokenHash: Data([1])) == nil)
            #expect(try tx.accounts.session(tokenHash: Data([2])) == nil)
        }
    }
}
