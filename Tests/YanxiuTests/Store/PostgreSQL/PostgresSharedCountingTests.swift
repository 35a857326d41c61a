import Foundation
import Locking
import Postgres
import Testing
@testable import Yanxiu

/// Daemons sharing a database count a phone's codes, tries and failures one at a time.
@Suite("PostgreSQL: a phone's counts, one transaction at a time")
struct PostgresSharedCountingTests {
    @Test("a transaction that counts for a phone waits for another holding it, and never for another phone")
    func countersWait() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let store = try PostgresStore(conninfo: conninfo)
        defer { store.close() }
        // Another daemon's transaction, in the middle of counting for the phone.
        let other = try PostgresConnection(conninfo)
        try other.run("BEGIN")
        try other.execute("SELECT pg_advisory_xact_lock($1::integer, hashtext($2))", [PostgresAccountsStore.phoneCountersLockClass, "13900000001"])

        try await store.write { tx in try tx.accounts.lockCounters(phone: "13900000002") }
        let finished = Locked(false)
        let waiting = Task {
            try await store.write { tx in try tx.accounts.lockCounters(phone: "13900000001") }
            finished.withLock { $0 = true }
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(!finished.withLock { $0 }, "the count did not wait")
        try other.run("COMMIT")
        try await waiting.value
        #expect(finished.withLock { $0 })
    }
}
