import Foundation
import Postgres
import Testing
@testable import Yanxiu

/// `Store.holdExclusively`: one daemon at a time among those on a database.
@Suite("Store holds")
struct StoreHoldTests {
    @Test("SQLite: one daemon owns the file, so every hold is granted")
    func sqliteGrantsEveryHold() async throws {
        try await TestStores.withStore(.sqlite) { store in
            let first = try await store.holdExclusively("job")
            let second = try await store.holdExclusively("job")
            #expect(first != nil && second != nil)
        }
    }

    @Test("PostgreSQL: a name held by one daemon is refused to another until released; other names are free")
    func postgresHoldIsExclusive() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let (a, b) = (try PostgresStore(conninfo: conninfo), try PostgresStore(conninfo: conninfo))
        defer { a.close(); b.close() }
        let held = try #require(try await a.holdExclusively("certificate.issue:t1"))
        #expect(try await b.holdExclusively("certificate.issue:t1") == nil)
        #expect(try await a.holdExclusively("certificate.issue:t1") == nil, "a second hold on the same daemon is refused too")
        let other = try await b.holdExclusively("certificate.issue:t2")
        #expect(other != nil)
        held.release()
        held.release()
        #expect(try await b.holdExclusively("certificate.issue:t1") != nil)
    }

    @Test("PostgreSQL: a released hold is free for another daemon at once, every time")
    func postgresReleaseIsImmediate() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let (a, b) = (try PostgresStore(conninfo: conninfo), try PostgresStore(conninfo: conninfo))
        defer { a.close(); b.close() }
        var refused = 0
        for round in 0..<40 {
            let (first, second) = round % 2 == 0 ? (a, b) : (b, a)
            let held = try #require(try await first.holdExclusively("certificate.issue:t1"))
            held.release()
            if let next = try await second.holdExclusively("certificate.issue:t1") { next.release() } else { refused += 1 }
        }
        #expect(refused == 0, "refused \(refused) of 40 times just after a release")
    }

    @Test("PostgreSQL: a hold whose connection ends (the daemon died) is free for the others")
    func postgresHoldEndsWithItsConnection() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let (a, b) = (try PostgresStore(conninfo: conninfo), try PostgresStore(conninfo: conninfo))
        defer { a.close(); b.close() }
        let held = try #require(try await a.holdExclusively("job"))
        let admin = try PostgresConnection(conninfo)
        let cut: Int64 = try admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'yanxiud-hold' AND datname = current_database()")[0][0]
        #expect(cut == 1)
        var taken: StoreHold?
        for _ in 0..<200 where taken == nil {
            taken = try await b.holdExclusively("job")
            if taken == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(taken != nil)
        held.release()
    }
}
