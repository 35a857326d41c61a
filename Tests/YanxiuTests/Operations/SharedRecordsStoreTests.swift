import Foundation
import Postgres
import Testing
@testable import Yanxiu

/// What daemons sharing one database agree on through it: shared values, scheduled runs, and the
/// server they reached.
@Suite("Shared records: values, scheduled runs, the server")
struct SharedRecordsStoreTests {
    @Test("the first value proposed is kept, and every later proposal gets it back", arguments: TestStores.Engine.allCases)
    func sharedValueFirstWins(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            let first = try await store.write { tx in try tx.operations.sharedValue("test.shared", proposing: "one") }
            let second = try await store.write { tx in try tx.operations.sharedValue("test.shared", proposing: "two") }
            #expect(first == "one" && second == "one")
        }
    }

    @Test("a scheduled run is claimed once per interval, each job on its own", arguments: TestStores.Engine.allCases)
    func scheduledRunOncePerInterval(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            var claimed: [Bool] = []
            for (job, now) in [(ScheduledJob.journalPrune, Int64(10_000)), (.journalPrune, 10_999), (.accountsPrune, 10_500), (.journalPrune, 11_000), (.journalPrune, 11_500)] {
                claimed.append(try await store.write { tx in try tx.operations.claimScheduledRun(job, now: now, intervalMs: 1_000) })
            }
            #expect(claimed == [true, false, true, true, false])
        }
    }

    @Test("SQLite names no server; PostgreSQL names the one it reached, a primary", arguments: TestStores.Engine.allCases)
    func server(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            let server = try await store.read { tx in try tx.operations.server() }
            switch engine {
            case .sqlite: #expect(server == nil)
            case .postgresql:
                #expect(server?.primary == true)
                #expect(server?.address == store.location, "\(String(describing: server)) at \(store.location)")
            }
        }
    }

    @Test("on PostgreSQL a run is skipped while another transaction holds the job")
    func scheduledRunSkippedWhileHeld() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let store = try PostgresStore(conninfo: conninfo)
        defer { store.close() }
        let other = try PostgresConnection(conninfo)
        try other.run("BEGIN")
        try other.execute("SELECT pg_advisory_xact_lock($1::integer, $2::integer)",
                          [PostgresOperationsStore.scheduledJobLockClass, ScheduledJob.journalPrune.lockKey])
        let held = try await store.write { tx in try tx.operations.claimScheduledRun(.journalPrune, now: 5_000, intervalMs: 1_000) }
        let otherJob = try await store.write { tx in try tx.operations.claimScheduledRun(.accountsPrune, now: 5_000, intervalMs: 1_000) }
        try other.run("COMMIT")
        let released = try await store.write { tx in try tx.operations.claimScheduledRun(.journalPrune, now: 5_000, intervalMs: 1_000) }
        #expect(!held && otherJob && released)
    }
}
