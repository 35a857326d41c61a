import Dispatch
import Foundation
import Testing
@testable import Yanxiu

/// The session cache of a daemon that shares its database: trusted only while the revocation
/// feed is heard from.
@Suite("The session cache behind a revocation feed")
struct SessionCacheFeedTests {
    private let session = AuthenticatedAccount(accountID: 1, tokenHash: Data([1, 1]), expiresAt: 1_000)
    private var uptime: UInt64 { DispatchTime.now().uptimeNanoseconds }

    @Test("without a feed (one daemon), entries are trusted for the full time limit")
    func noFeed() {
        let cache = SessionCache(blindTTLNanoseconds: 0)
        cache.remember(session)
        #expect(cache.isFeedHeard)
        #expect(cache.lookup(session.tokenHash, now: 0) == session)
    }

    @Test("while the feed is not heard from, entries older than the blind limit are read again")
    func feedNotHeard() {
        let cache = SessionCache(blindTTLNanoseconds: 0)
        cache.followFeed()
        cache.remember(session)
        #expect(!cache.isFeedHeard)
        #expect(cache.lookup(session.tokenHash, now: 0) == nil)
    }

    @Test("once the feed is heard, entries are trusted; when it falls silent, they are not")
    func feedHeardThenSilent() throws {
        let cache = SessionCache(blindTTLNanoseconds: 0, feedSilenceNanoseconds: 50_000_000)
        cache.followFeed()
        cache.feedConnected(at: uptime)
        cache.remember(session)
        #expect(cache.lookup(session.tokenHash, now: 0) == session)
        Thread.sleep(forTimeInterval: 0.1)
        #expect(!cache.isFeedHeard)
        #expect(cache.lookup(session.tokenHash, now: 0) == nil)
    }

    @Test("a feed that comes back empties the cache and turns away fills that began before")
    func reconnectEmpties() {
        let cache = SessionCache()
        cache.followFeed()
        cache.feedConnected(at: uptime)
        cache.remember(session)
        let ticket = cache.fillTicket()
        cache.feedConnected(at: uptime)
        #expect(cache.count == 0)
        let other = AuthenticatedAccount(accountID: 2, tokenHash: Data([2]), expiresAt: 1_000)
        cache.remember(other, ticket: ticket)
        #expect(cache.lookup(other.tokenHash, now: 0) == nil)
    }

    @Test("revocations from the feed forget a session, or every session of an account")
    func applyRevocations() {
        let cache = SessionCache()
        let laptop = AuthenticatedAccount(accountID: 1, tokenHash: Data([1, 2]), expiresAt: 1_000)
        let other = AuthenticatedAccount(accountID: 3, tokenHash: Data([3]), expiresAt: 1_000)
        [session, laptop, other].forEach(cache.remember)
        cache.apply(.session(tokenHash: other.tokenHash))
        #expect(cache.lookup(other.tokenHash, now: 0) == nil)
        #expect(cache.lookup(session.tokenHash, now: 0) == session)
        cache.apply(.account(1))
        #expect(cache.count == 0)
    }

    @Test("revocations travel as the token hash in hex or account:<id>, and read back as themselves")
    func payloads() {
        let hash = Data([0x00, 0xab, 0xff, 0x10])
        #expect(SessionRevocation.session(tokenHash: hash).payload == "00abff10")
        #expect(SessionRevocation.account(42).payload == "account:42")
        #expect(SessionRevocation(payload: "00abff10") == .session(tokenHash: hash))
        #expect(SessionRevocation(payload: "account:42") == .account(42))
        for unreadable in ["", "0", "0g", "ABCD", "account:", "account:x"] {
            #expect(SessionRevocation(payload: unreadable) == nil, "\(unreadable)")
        }
    }
}
