import Foundation
import GRDB
import Testing
@testable import Yanxiu

@Suite("Retention of account records, and the migration that made locks per phone and client")
struct AccountsRetentionTests {
    /// SQLite only: the migration it pins is SQLite's; PostgreSQL's schema began with locks per phone and client.
    @Test("a lock made before the migration moves to the phone's lock and still holds")
    func lockMigrates() throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v6-reports")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO account (phone, password_hash, password_locked_until, created_at, updated_at) VALUES ('13900000001', 'x', 5000, 0, 0)")
            try db.execute(sql: "INSERT INTO account (phone, password_hash, created_at, updated_at) VALUES ('13900000002', 'x', 0, 0)")
        }
        try Migrations.migrator.migrate(queue)
        try queue.read { (db: Database) throws in
            #expect(try LoginGuard().lockedUntil(SQLiteTransaction(db), phone: "13900000001", now: 4_999) == 5000)
            #expect(try LoginGuard().lockedUntil(SQLiteTransaction(db), phone: "13900000001", now: 5_000) == nil)
            #expect(try LoginGuard().lockedUntil(SQLiteTransaction(db), phone: "13900000002", now: 0) == nil)
            #expect(try SQLiteTransaction(db).accounts.account(phone: "13900000001")?.passwordLockedUntil == 5000)
        }
    }

    @Test("the audit lets go of old anonymous login failures only", arguments: TestStores.Engine.allCases)
    func auditTrigger(engine: TestStores.Engine) throws {
        try RawStoreDatabase.with(engine) { database in
            try database.tx.audit.record(at: 0, actor: AuditActor(uid: 33), action: "account.login_failed", target: "phone:139****0001")
            try database.tx.audit.record(at: 0, actor: AuditActor(accountID: 1, uid: 33), action: "account.login_failed", target: "account:1")
            try database.tx.audit.record(at: 0, actor: AuditActor(uid: 0), action: "admin.grant", target: "account:1")
            try database.run("DELETE FROM audit WHERE actor_account IS NULL AND action = 'account.login_failed'")
            #expect(throws: (any Error).self) { try database.run("DELETE FROM audit WHERE action = 'admin.grant'") }
            #expect(throws: (any Error).self) { try database.run("DELETE FROM audit WHERE actor_account = 1") }
            #expect(throws: (any Error).self) { try database.run("UPDATE audit SET at = 1") }
            #expect(try database.count("audit") == 2)
            #expect(try database.tx.audit.entries(AuditFilter()).map(\.at) == [0, 0])
        }
    }

    @Test("each table keeps rows up to its limit, to the millisecond, and a pass removes at most the batch size",
          arguments: TestStores.Engine.allCases)
    func boundaries(engine: TestStores.Engine) throws {
        let retention = AccountsRetention(outboxMs: 700, failureAuditMs: 900, loginWindowMs: 150, smsWindowMs: 240)
        let now: Int64 = 10_000
        try RawStoreDatabase.with(engine) { database in
            let accounts = database.tx.accounts
            let account = try #require(try accounts.createAccount(phone: "13900000001", passwordHash: "x", at: 0))
            for (index, expires) in [now, now + 1].enumerated() {
                try accounts.insertSession(tokenHash: Data([UInt8(index)]), accountID: account, createdAt: 0, expiresAt: expires)
            }
            for created in [now - 240, now - 239] {
                _ = try accounts.insertCode(phone: "1", purpose: .login, codeHash: Data([0]), createdAt: created, expiresAt: created + 1)
            }
            for sent in [now - 700, now - 699] {
                try accounts.addToOutbox(phone: "1", text: "t", at: sent)
            }
            for at in [now - 150, now - 149] {
                try accounts.addLoginFailure(phone: "1", client: "", at: at)
            }
            for (phone, until) in [("1", now), ("2", now + 1)] {
                try accounts.setLoginLock(phone: phone, client: "", until: until)
            }
            for at in [now - 900, now - 899] {
                try database.tx.audit.record(at: at, actor: AuditActor(uid: 33), action: "account.locked", target: "phone:1")
            }
            try database.tx.audit.record(at: 0, actor: AuditActor(uid: 0), action: "admin.grant", target: "account:1")

            let removed = try retention.prune(database.tx, now: now, limit: 10)
            #expect(removed == AccountsRetention.Removed(sessions: 1, codes: 1, outbox: 1, failures: 1, locks: 1, audit: 1))
            #expect(try retention.prune(database.tx, now: now, limit: 10).total == 0)
            for table in ["session", "sms_code", "sms_outbox", "login_failure", "login_lock"] {
                #expect(try database.count(table) == 1, "\(table)")
            }
            #expect(try database.count("audit") == 2)
            // What is left is the later row of each pair.
            #expect(try accounts.session(tokenHash: Data([0])) == nil)
            #expect(try accounts.session(tokenHash: Data([1]))?.expiresAt == now + 1)
            #expect(try accounts.codeTimes(phone: "1", after: 0) == [now - 239])
            #expect(try accounts.outbox(phone: "1", limit: 10).map(\.sentAt) == [now - 699])
            #expect(try accounts.loginFailureTimes(phone: "1", client: "", after: 0) == [now - 149])
            #expect(try accounts.loginLock(phone: "1", client: "") == nil && accounts.loginLock(phone: "2", client: "") == now + 1)
            #expect(try database.tx.audit.entries(AuditFilter()).map(\.at) == [0, now - 899])

            for at in 0..<5 as Range<Int64> { try accounts.addLoginFailure(phone: "3", client: "", at: at) }
            #expect(try retention.prune(database.tx, now: now, limit: 2).failures == 2)
            #expect(try accounts.loginFailureTimes(phone: "3", client: "", after: -1).count == 3)
        }
    }
}

extension AccountsRetentionTests {
    @Test("an ended lock of one client goes, the running lock of another client of the same number stays",
          arguments: TestStores.Engine.allCases)
    func locksPerClient(engine: TestStores.Engine) throws {
        let retention = AccountsRetention(outboxMs: 700, failureAuditMs: 900, loginWindowMs: 150, smsWindowMs: 240)
        try RawStoreDatabase.with(engine) { database in
            let accounts = database.tx.accounts
            for (client, until) in [("198.51.100.7", 1_000), ("203.0.113.5", 2_000), ("", 3_000)] as [(String, Int64)] {
                try accounts.setLoginLock(phone: "13900000001", client: client, until: until)
            }
            #expect(try retention.prune(database.tx, now: 1_000, limit: 10).locks == 1)
            #expect(try database.count("login_lock") == 2)
            #expect(try accounts.loginLock(phone: "13900000001", client: "198.51.100.7") == nil)
            #expect(try accounts.loginLock(phone: "13900000001", client: "") == 3_000)
            #expect(try LoginGuard().lockedUntil(database.tx, phone: "13900000001", client: LoginClient.parse("203.0.113.5").get(), now: 1_000) == 2_000)
            // The account shows the latest end among its number's locks.
            _ = try accounts.createAccount(phone: "13900000001", passwordHash: "x", at: 0)
            #expect(try accounts.account(phone: "13900000001")?.passwordLockedUntil == 3_000)
        }
    }
}

extension AccountsRetention.Removed {
    init(sessions: Int, codes: Int, outbox: Int, failures: Int, locks: Int, audit: Int) {
        self.init()
        (self.sessions, self.codes, self.outbox, self.failures, self.locks, self.audit) = (sessions, codes, outbox, failures, locks, audit)
    }
}
