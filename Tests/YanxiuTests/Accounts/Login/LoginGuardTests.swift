import GRDB
import Testing
@testable import Yanxiu

@Suite("Password failures and locks per phone and client")
struct LoginGuardTests {
    let loginGuard = LoginGuard(lockout: LoginLockout(maxFailures: 3, windowMs: 1_000, lockMs: 5_000))
    let phone = "13900000031"
    let stranger = try! LoginClient.parse("198.51.100.7").get()
    let owner = try! LoginClient.parse("203.0.113.5").get()

    private func migrated() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        return queue
    }

    private func fail(_ db: Database, _ client: LoginClient, at now: Int64) throws -> String {
        try loginGuard.recordFailure(SQLiteTransaction(db), phone: phone, client: client, account: nil, actor: AuditActor(uid: 33), now: now).reason
    }

    @Test("a client's failures lock that client only; the shared key and other clients stay open")
    func perClient() throws {
        try migrated().write { (db: Database) throws in
            #expect(try (1...3).map { try fail(db, stranger, at: $0) } == ["account.credentials_invalid", "account.credentials_invalid", "account.locked"])
            #expect(try loginGuard.lockedUntil(SQLiteTransaction(db), phone: phone, client: stranger, now: 4) == 5_003)
            #expect(try loginGuard.lockError(SQLiteTransaction(db), phone: phone, client: owner, now: 4) == nil)
            #expect(try loginGuard.lockError(SQLiteTransaction(db), phone: phone, now: 4) == nil)
            // The owner's own failures count from zero.
            #expect(try fail(db, owner, at: 5) == "account.credentials_invalid")
            #expect(try fail(db, .unnamed, at: 5) == "account.credentials_invalid")
        }
    }

    @Test("calls naming no client share one lock per phone, as before clients were named")
    func unnamedShared() throws {
        try migrated().write { (db: Database) throws in
            for at in 1...3 { _ = try fail(db, .unnamed, at: Int64(at)) }
            #expect(try loginGuard.lockError(SQLiteTransaction(db), phone: phone, now: 4)?.reason == "account.locked")
            #expect(try loginGuard.lockError(SQLiteTransaction(db), phone: phone, client: owner, now: 4) == nil)
        }
    }

    @Test("a right password forgets its own client's failures only; proving the phone lifts every lock of the number")
    func forgettingAndClearing() throws {
        try migrated().write { (db: Database) throws in
            for at in 1...2 { _ = try fail(db, stranger, at: Int64(at)) }
            for at in 1...2 { _ = try fail(db, owner, at: Int64(at)) }
            try loginGuard.forgetFailures(SQLiteTransaction(db), phone: phone, client: owner)
            #expect(try fail(db, owner, at: 3) == "account.credentials_invalid")
            #expect(try fail(db, stranger, at: 3) == "account.locked")
            for at in 4...6 { _ = try fail(db, .unnamed, at: Int64(at)) }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM login_lock") == 2)
            try loginGuard.clear(SQLiteTransaction(db), phone: phone)
            #expect(try loginGuard.lockError(SQLiteTransaction(db), phone: phone, client: stranger, now: 7) == nil)
            #expect(try loginGuard.lockError(SQLiteTransaction(db), phone: phone, now: 7) == nil)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM login_failure") == 0)
        }
    }

    @Test("failures and locks name the client in the audit, and only when one was named")
    func audited() throws {
        try migrated().write { (db: Database) throws in
            for at in 1...3 { _ = try fail(db, stranger, at: Int64(at)) }
            _ = try fail(db, .unnamed, at: 4)
            let details = try String.fetchAll(db, sql: "SELECT detail FROM audit ORDER BY id")
            #expect(details.count == 5)
            #expect(details.prefix(4).allSatisfy { $0.contains("198.51.100.7") })
            #expect(!details[4].contains("client"))
        }
    }
}
