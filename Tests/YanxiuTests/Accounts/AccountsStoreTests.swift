import Foundation
import Testing
@testable import Yanxiu

/// The meanings of `AccountsStore` operations that every engine must give alike.
@Suite("The accounts store: what conflicts and empty answers mean")
struct AccountsStoreTests {
    @Test("a phone holds one account: creating a second answers nil and changes nothing", arguments: TestStores.Engine.allCases)
    func createConflict(engine: TestStores.Engine) async throws {
        try await TestStores.withTransaction(engine) { tx in
            let id = try #require(try tx.accounts.createAccount(phone: "13900000001", passwordHash: "a", at: 5))
            #expect(try tx.accounts.createAccount(phone: "13900000001", passwordHash: "b", at: 6) == nil)
            let account = try #require(try tx.accounts.account(phone: "13900000001"))
            #expect(account.id == id && account.passwordHash == "a" && account.createdAt == 5)
            #expect(try tx.accounts.account(id: id + 1) == nil)
            #expect(throws: DomainError.self) { try tx.accounts.requireAccount(id: id + 1) }
            // The refused creation left the transaction usable: the next account is made.
            #expect(try tx.accounts.createAccount(phone: "13900000002", passwordHash: "c", at: 7) != nil)
        }
    }

    @Test("the latest code is the last issued, also when two share an instant; times count every purpose", arguments: TestStores.Engine.allCases)
    func latestCode(engine: TestStores.Engine) async throws {
        try await TestStores.withTransaction(engine) { tx in
            #expect(try tx.accounts.latestCode(phone: "13900000001", purpose: .login) == nil)
            #expect(try tx.accounts.latestCodeTime(phone: "13900000001", purpose: .login) == nil)
            _ = try tx.accounts.insertCode(phone: "13900000001", purpose: .login, codeHash: Data([1]), createdAt: 10, expiresAt: 20)
            let second = try tx.accounts.insertCode(phone: "13900000001", purpose: .login, codeHash: Data([2]), createdAt: 10, expiresAt: 30)
            _ = try tx.accounts.insertCode(phone: "13900000001", purpose: .register, codeHash: Data([3]), createdAt: 12, expiresAt: 30)
            try tx.accounts.countWrongTry(codeID: second)
            try tx.accounts.markCodeUsed(codeID: second, at: 15)
            #expect(try tx.accounts.latestCode(phone: "13900000001", purpose: .login)
                == SMSCodeRecord(id: second, codeHash: Data([2]), expiresAt: 30, failedAttempts: 1, usedAt: 15))
            #expect(try tx.accounts.latestCodeTime(phone: "13900000001", purpose: .register) == 12)
            #expect(try tx.accounts.codeTimes(phone: "13900000001", after: 10) == [12])
            #expect(try tx.accounts.codeTimes(phone: "13900000001", after: 9).sorted() == [10, 10, 12])
            try tx.accounts.deleteCode(id: second)
            #expect(try tx.accounts.latestCode(phone: "13900000001", purpose: .login)?.codeHash == Data([1]))
        }
    }

    @Test("the outbox shows a phone's messages newest first, the later of two at one instant first, up to the limit",
          arguments: TestStores.Engine.allCases)
    func outboxOrder(engine: TestStores.Engine) async throws {
        try await TestStores.withTransaction(engine) { tx in
            #expect(try tx.accounts.outbox(phone: "13900000001", limit: 10) == [])
            for (text, at) in [("a", 5), ("b", 9), ("c", 9), ("d", 1)] as [(String, Int64)] {
                try tx.accounts.addToOutbox(phone: "13900000001", text: text, at: at)
            }
            try tx.accounts.addToOutbox(phone: "13900000002", text: "other", at: 20)
            #expect(try tx.accounts.outbox(phone: "13900000001", limit: 10).map(\.text) == ["c", "b", "a", "d"])
            #expect(try tx.accounts.outbox(phone: "13900000001", limit: 2)
                == [SMSMessage(phone: "13900000001", text: "c", sentAt: 9), SMSMessage(phone: "13900000001", text: "b", sentAt: 9)])
        }
    }

    @Test("failures are forgotten per client or for every client; locks are lifted per phone", arguments: TestStores.Engine.allCases)
    func failuresAndLocks(engine: TestStores.Engine) async throws {
        try await TestStores.withTransaction(engine) { tx in
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

    @Test("an account shows the latest end among its number's locks, of any client, and none without locks",
          arguments: TestStores.Engine.allCases)
    func accountLock(engine: TestStores.Engine) async throws {
        try await TestStores.withTransaction(engine) { tx in
            let id = try #require(try tx.accounts.createAccount(phone: "13900000001", passwordHash: "a", at: 0))
            #expect(try tx.accounts.account(id: id)?.passwordLockedUntil == nil)
            try tx.accounts.setLoginLock(phone: "13900000001", client: "b", until: 30)
            try tx.accounts.setLoginLock(phone: "13900000001", client: "", until: 20)
            try tx.accounts.setLoginLock(phone: "13900000002", client: "", until: 90)
            #expect(try tx.accounts.account(id: id)?.passwordLockedUntil == 30)
            #expect(try tx.accounts.account(phone: "13900000001")?.passwordLockedUntil == 30)
        }
    }

    @Test("profile updates: details not given stay, an inner nil clears them",
          arguments: TestStores.Engine.allCases)
    func profileUpdates(engine: TestStores.Engine) async throws {
        try await TestStores.withTransaction(engine) { tx in
            let id = try #require(try tx.accounts.createAccount(phone: "13900000001", passwordHash: "a", at: 0))
            try tx.accounts.setIdentity(accountID: id, identity: "teacher", nickname: "老师", updatedAt: 1)
            let passport = try IDNumber(type: .passport, number: "E12345678", today: #require(CalendarDate(year: 2026, month: 1, day: 1)))
            try tx.accounts.setDetails(
                accountID: id, details: ProfileEditor.Details(id: passport, title: "一级", stage: "初中", subject: "数学"), updatedAt: 2)
            try tx.accounts.setDetails(
                accountID: id, details: ProfileEditor.Details(id: nil, title: .some(nil), stage: nil, subject: "语文"), updatedAt: 3)
            let detailed = try #require(try tx.accounts.account(id: id))
            #expect(detailed.idType == passport.type.code && detailed.idNumber == "E12345678")
            #expect(detailed.title == nil && detailed.stage == "初中" && detailed.subject == "语文")
            try tx.accounts.setDetails(accountID: id, details: ProfileEditor.Details(id: .some(nil), title: nil, stage: nil, subject: nil), updatedAt: 4)
            try tx.accounts.setPasswordHash(accountID: id, hash: "b", updatedAt: nil)
            try tx.accounts.setPhone(accountID: id, phone: "13900000009", updatedAt: 5)
            #expect(try tx.accounts.account(phone: "13900000001") == nil)
            let account = try #require(try tx.accounts.account(phone: "13900000009"))
            #expect(account.identity == "teacher" && account.nickname == "老师" && account.passwordHash == "b")
            #expect(account.idType == nil && account.idNumber == nil && account.stage == "初中" && account.subject == "语文")
        }
    }

    @Test("a session is found expired or not; ending an account's sessions ends them all", arguments: TestStores.Engine.allCases)
    func sessions(engine: TestStores.Engine) async throws {
        try await TestStores.withTransaction(engine) { tx in
            let id = try #require(try tx.accounts.createAccount(phone: "13900000001", passwordHash: "a", at: 0))
            try tx.accounts.insertSession(tokenHash: Data([1]), accountID: id, createdAt: 0, expiresAt: 5)
            try tx.accounts.insertSession(tokenHash: Data([2]), accountID: id, createdAt: 0, expiresAt: 9)
            try tx.accounts.setSessionExpiry(tokenHash: Data([1]), expiresAt: 3)
            #expect(try tx.accounts.session(tokenHash: Data([1]))?.expiresAt == 3)
            try tx.accounts.deleteSession(tokenHash: Data([2]))
            #expect(try tx.accounts.session(tokenHash: Data([2])) == nil)
            try tx.accounts.insertSession(tokenHash: Data([2]), accountID: id, createdAt: 0, expiresAt: 9)
            #expect(try tx.accounts.session(tokenHash: Data([2])) == AuthenticatedAccount(accountID: id, tokenHash: Data([2]), expiresAt: 9))
            try tx.accounts.deleteSessions(accountID: id)
            #expect(try tx.accounts.session(tokenHash: Data([1])) == nil)
            #expect(try tx.accounts.session(tokenHash: Data([2])) == nil)
        }
    }
}
