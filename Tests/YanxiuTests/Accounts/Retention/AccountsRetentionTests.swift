import Foundation
import GRDB
import Testing
@testable import Yanxiu

@Suite("Retention of account records, and the migration that made locks per phone and client")
struct AccountsRetentionTests {
    private func migrated() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        return queue
    }

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

    @Test("the audit lets go of old anonymous login failures only")
    func auditTrigger() throws {
        let queue = try migrated()
        try queue.write { db in
            try AuditLog.record(db, at: 0, actor: AuditActor(uid: 33), action: "account.login_failed", target: "phone:139****0001")
            try AuditLog.record(db, at: 0, actor: AuditActor(accountID: 1, uid: 33), action: "account.login_failed", target: "account:1")
            try AuditLog.record(db, at: 0, actor: AuditActor(uid: 0), action: "admin.grant", target: "account:1")
            try db.execute(sql: "DELETE FROM audit WHERE actor_account IS NULL AND action = 'account.login_failed'")
            #expect(throws: (any Error).self) { try db.execute(sql: "DELETE FROM audit WHERE action = 'admin.grant'") }
            #expect(throws: (any Error).self) { try db.execute(sql: "DELETE FROM audit WHERE actor_account = 1") }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") == 2)
        }
    }

    @Test("each table keeps rows up to its limit, to the millisecond, and a pass removes at most the batch size")
    func boundaries() throws {
        let queue = try migrated()
        let retention = AccountsRetention(outboxMs: 700, failureAuditMs: 900, loginWindowMs: 150, smsWindowMs: 240)
        let now: Int64 = 10_000
        try queue.write { db in
            try db.execute(sql: "INSERT INTO account (id, phone, password_hash, created_at, updated_at) VALUES (1, '13900000001', 'x', 0, 0)")
            for (index, expires) in [now, now + 1].enumerated() {
                try db.execute(sql: "INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES (?, 1, 0, ?)", arguments: [Data([UInt8(index)]), expires])
            }
            for created in [now - 240, now - 239] {
                try db.execute(sql: "INSERT INTO sms_code (phone, purpose, code_hash, created_at, expires_at) VALUES ('1', 'login', x'00', ?, ?)", arguments: [created, created + 1])
            }
            for sent in [now - 700, now - 699] {
                try db.execute(sql: "INSERT INTO sms_outbox (phone, text, sent_at) VALUES ('1', 't', ?)", arguments: [sent])
            }
            for at in [now - 150, now - 149] {
                try db.execute(sql: "INSERT INTO login_failure (phone, at) VALUES ('1', ?)", arguments: [at])
            }
            for (phone, until) in [("1", now), ("2", now + 1)] {
                try db.execute(sql: "INSERT INTO login_lock (phone, client, locked_until) VALUES (?, '', ?)", arguments: [phone, until])
            }
            for at in [now - 900, now - 899] {
                try AuditLog.record(db, at: at, actor: AuditActor(uid: 33), action: "account.locked", target: "phone:1")
            }
            try AuditLog.record(db, at: 0, actor: AuditActor(uid: 0), action: "admin.grant", target: "account:1")

            let removed = try retention.prune(SQLiteTransaction(db), now: now, limit: 10)
            #expect(removed == AccountsRetention.Removed(sessions: 1, codes: 1, outbox: 1, failures: 1, locks: 1, audit: 1))
            #expect(try retention.prune(SQLiteTransaction(db), now: now, limit: 10).total == 0)
            for table in ["session", "sms_code", "sms_outbox", "login_failure", "login_lock"] {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") == 1, "\(table)")
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") == 2)

            for at in 0..<5 { try db.execute(sql: "INSERT INTO login_failure (phone, at) VALUES ('3', ?)", arguments: [at]) }
            #expect(try retention.prune(SQLiteTransaction(db), now: now, limit: 2).failures == 2)
        }
    }
}

extension AccountsRetentionTests {
    @Test("an ended lock of one client goes, the running lock of another client of the same number stays")
    func locksPerClient() throws {
        let queue = try migrated()
        let retention = AccountsRetention(outboxMs: 700, failureAuditMs: 900, loginWindowMs: 150, smsWindowMs: 240)
        try queue.write { db in
            for (client, until) in [("198.51.100.7", 1_000), ("203.0.113.5", 2_000), ("", 3_000)] {
                try db.execute(sql: "INSERT INTO login_lock (phone, client, locked_until) VALUES ('13900000001', ?, ?)", arguments: [client, until])
            }
            #expect(try retention.prune(SQLiteTransaction(db), now: 1_000, limit: 10).locks == 1)
            #expect(try String.fetchAll(db, sql: "SELECT client FROM login_lock ORDER BY client") == ["", "203.0.113.5"])
            #expect(try LoginGuard().lockedUntil(SQLiteTransaction(db), phone: "13900000001", client: LoginClient.parse("203.0.113.5").get(), now: 1_000) == 2_000)
            // The account shows the latest end among its number's locks.
            try db.execute(sql: "INSERT INTO account (phone, password_hash, created_at, updated_at) VALUES ('13900000001', 'x', 0, 0)")
            #expect(try SQLiteTransaction(db).accounts.account(phone: "13900000001")?.passwordLockedUntil == 3_000)
        }
    }
}

extension AccountsRetention.Removed {
    init(sessions: Int, codes: Int, outbox: Int, failures: Int, locks: Int, audit: Int) {
        self.init()
        (self.sessions, self.codes, self.outbox, self.failures, self.locks, self.audit) = (sessions, codes, outbox, failures, locks, audit)
    }
}
