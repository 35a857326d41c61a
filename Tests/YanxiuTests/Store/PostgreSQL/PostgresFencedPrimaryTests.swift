import Foundation
import PostgresCluster
import Testing
@testable import Yanxiu

/// An old primary that an operator's tool fences by making it read-only, rather than stopping
/// it, keeps its connections open: the store must leave it by itself.
@Suite("PostgreSQL: an old primary fenced read-only")
struct PostgresFencedPrimaryTests {
    @Test("after the primary is made read-only and the standby promoted, writes and reads move to the new primary by themselves")
    func storeLeavesAFencedPrimary() async throws {
        let primary = try PostgresCluster.start(.init(fsync: false))
        defer { primary.remove() }
        let standby = try primary.startStandby(synchronous: true)
        defer { standby.remove() }
        try primary.createDatabase("t_fenced")
        let store = try PostgresStore(conninfo: PostgresCluster.conninfo(database: "t_fenced", servers: [primary, standby]))
        defer { store.close() }
        #expect(try await store.write { tx in try tx.operations.sharedValue("before", proposing: "one") } == "one")
        let before = try #require(try await store.read { tx in try tx.operations.server() })
        #expect(before.address.contains(":\(primary.port)/"), "\(before)")

        _ = try primary.psql("ALTER SYSTEM SET default_transaction_read_only = on;\nSELECT pg_reload_conf();")
        try standby.promote()

        // The first write may still reach the old primary and be refused; the next finds the new one.
        var refusals: [String] = []
        var written: String?
        for _ in 0..<20 where written == nil {
            do {
                written = try await store.write { tx in try tx.operations.sharedValue("after", proposing: "two") }
            } catch {
                refusals.append("\(error)")
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        #expect(written == "two", "\(refusals)")
        #expect(refusals.count <= 2, "\(refusals)")
        #expect(try standby.psql("SELECT value FROM daemon_meta WHERE key = 'after'", database: "t_fenced") == "two")

        // A reader connection left on the old primary serves one more read at most, then is closed.
        var addresses: [String] = []
        for _ in 0..<3 {
            addresses.append(try await store.read { tx in try tx.operations.server() }?.address ?? "")
        }
        #expect(addresses.last?.contains(":\(standby.port)/") == true, "\(addresses)")
        #expect(addresses.filter { $0.contains(":\(primary.port)/") }.count <= 1, "\(addresses)")
    }
}
