import Foundation
import Postgres
import Testing
@testable import Yanxiu

/// Sessions ended through one store reach every daemon's session cache through the feed.
@Suite("PostgreSQL: the session revocation feed")
struct PostgresRevocationFeedTests {
    private func waitUntil(_ seconds: Double, _ condition: () -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test("a session ended on one daemon, or all of an account's, is forgotten by another daemon's cache within a second")
    func revocationsReachOtherDaemons() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let (ending, listening) = (try PostgresStore(conninfo: conninfo), try PostgresStore(conninfo: conninfo))
        defer { ending.close(); listening.close() }
        let cache = SessionCache()
        let feed = PostgresRevocationFeed(connector: listening.connector, cache: cache)
        feed.start()
        defer { feed.stop() }
        let one = AuthenticatedAccount(accountID: 7, tokenHash: Data([1, 2, 3]), expiresAt: .max)
        let two = AuthenticatedAccount(accountID: 8, tokenHash: Data([4, 5]), expiresAt: .max)
        let three = AuthenticatedAccount(accountID: 8, tokenHash: Data([6]), expiresAt: .max)
        #expect(try await waitUntil(2) { cache.isFeedHeard })
        [one, two, three].forEach(cache.remember)

        // Each revocation is timed on its own, from its commit (the write's answer) to the cache forgetting.
        try await ending.write { tx in try tx.accounts.deleteSession(tokenHash: one.tokenHash) }
        #expect(try await waitUntil(1) { cache.lookup(one.tokenHash, now: 0) == nil })
        try await ending.write { tx in try tx.accounts.deleteSessions(accountID: 8) }
        #expect(try await waitUntil(1) { cache.lookup(two.tokenHash, now: 0) == nil && cache.lookup(three.tokenHash, now: 0) == nil })
    }

    @Test("a revocation rolled back is never announced")
    func rolledBackNotAnnounced() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let store = try PostgresStore(conninfo: conninfo)
        defer { store.close() }
        let listener = try PostgresConnection(conninfo)
        try listener.listen(PostgresRevocationFeed.channel)
        struct Refused: Error {}
        _ = try? await store.write { tx -> Void in
            try tx.accounts.deleteSession(tokenHash: Data([9]))
            throw Refused()
        }
        try await store.write { tx in try tx.accounts.deleteSessions(accountID: 3) }
        var received: [PostgresNotification] = []
        for _ in 0..<20 where received.isEmpty { received += try listener.notifications(waitingUpTo: 0.1) }
        #expect(received.map(\.payload) == ["account:3"])
    }

    @Test("when the feed's connection is cut, the cache is emptied once it listens again")
    func reconnectEmptiesCache() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let store = try PostgresStore(conninfo: conninfo)
        defer { store.close() }
        let cache = SessionCache()
        let feed = PostgresRevocationFeed(connector: store.connector, cache: cache)
        feed.start()
        defer { feed.stop() }
        let session = AuthenticatedAccount(accountID: 1, tokenHash: Data([1]), expiresAt: .max)
        #expect(try await waitUntil(2) { cache.isFeedHeard })
        cache.remember(session)
        let admin = try PostgresConnection(conninfo)
        let cut: Int64 = try admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'yanxiud-revocations' AND datname = current_database()")[0][0]
        #expect(cut == 1)
        #expect(try await waitUntil(2) { cache.count == 0 })
    }
}
