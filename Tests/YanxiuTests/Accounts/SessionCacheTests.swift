import Foundation
import Testing
@testable import Yanxiu

@Suite("The session cache")
struct SessionCacheTests {
    private func account(_ id: Int64, token: UInt8, expiresAt: Int64 = 1_000) -> AuthenticatedAccount {
        AuthenticatedAccount(accountID: id, tokenHash: Data([token, UInt8(truncatingIfNeeded: id)]), expiresAt: expiresAt)
    }

    @Test("a remembered session is found until it expires, then dropped")
    func lookupAndExpiry() {
        let cache = SessionCache()
        let session = account(1, token: 1, expiresAt: 500)
        cache.remember(session)
        #expect(cache.lookup(session.tokenHash, now: 499) == session)
        #expect(cache.lookup(session.tokenHash, now: 500) == nil)
        #expect(cache.count == 0)
    }

    @Test("an entry older than the time limit is not trusted")
    func timeLimit() {
        let cache = SessionCache(ttlNanoseconds: 0)
        let session = account(1, token: 1)
        cache.remember(session)
        #expect(cache.lookup(session.tokenHash, now: 0) == nil)
    }

    @Test("forgetting an account drops all its sessions and no one else's")
    func forgetAccount() {
        let cache = SessionCache()
        let phone = account(7, token: 1), laptop = account(7, token: 2), other = account(8, token: 1)
        [phone, laptop, other].forEach(cache.remember)
        cache.forget(accountID: 7)
        #expect(cache.lookup(phone.tokenHash, now: 0) == nil)
        #expect(cache.lookup(laptop.tokenHash, now: 0) == nil)
        #expect(cache.lookup(other.tokenHash, now: 0) == other)
        #expect(cache.count == 1)
    }

    @Test("a proof that began before a revocation stores nothing, whichever session was revoked; one that began after stores")
    func staleFillRefused() {
        let cache = SessionCache()
        let session = account(7, token: 1), other = account(8, token: 2)
        let before = cache.fillTicket()
        cache.forget(tokenHash: session.tokenHash)
        cache.remember(session, ticket: before)
        #expect(cache.lookup(session.tokenHash, now: 0) == nil)
        let beforeAccount = cache.fillTicket()
        cache.forget(accountID: 99)
        cache.remember(other, ticket: beforeAccount)
        #expect(cache.lookup(other.tokenHash, now: 0) == nil)
        cache.remember(other, ticket: cache.fillTicket())
        #expect(cache.lookup(other.tokenHash, now: 0) == other)
    }

    @Test("a renewal drops the entry without refusing proofs in flight")
    func refreshIsNoRevocation() {
        let cache = SessionCache()
        let session = account(7, token: 1)
        cache.remember(session)
        let ticket = cache.fillTicket()
        cache.refresh(tokenHash: session.tokenHash)
        #expect(cache.lookup(session.tokenHash, now: 0) == nil)
        cache.remember(session, ticket: ticket)
        #expect(cache.lookup(session.tokenHash, now: 0) == session)
    }

    @Test("forgetting one session keeps the account's others, and the index follows")
    func forgetSession() {
        let cache = SessionCache()
        let phone = account(7, token: 1), laptop = account(7, token: 2)
        [phone, laptop].forEach(cache.remember)
        cache.forget(tokenHash: phone.tokenHash)
        #expect(cache.lookup(phone.tokenHash, now: 0) == nil)
        #expect(cache.lookup(laptop.tokenHash, now: 0) == laptop)
        cache.forget(accountID: 7)
        #expect(cache.lookup(laptop.tokenHash, now: 0) == nil)
        #expect(cache.count == 0)
    }

    @Test("remembering a session again renews it without counting it twice")
    func rememberTwice() {
        let cache = SessionCache()
        let session = account(3, token: 9, expiresAt: 100)
        cache.remember(session)
        let renewed = account(3, token: 9, expiresAt: 200)
        cache.remember(renewed)
        #expect(cache.count == 1)
        #expect(cache.lookup(session.tokenHash, now: 150) == renewed)
    }

    @Test("at capacity the cache starts over instead of growing")
    func capacity() {
        let cache = SessionCache(capacity: 3)
        let sessions = (1...3).map { account($0, token: 1) }
        sessions.forEach(cache.remember)
        #expect(cache.count == 3)
        let fourth = account(4, token: 1)
        cache.remember(fourth)
        #expect(cache.count == 1)
        #expect(cache.lookup(sessions[0].tokenHash, now: 0) == nil)
        #expect(cache.lookup(fourth.tokenHash, now: 0) == fourth)
        // The index was emptied with the entries: forgetting an old account touches nothing.
        cache.forget(accountID: 1)
        #expect(cache.lookup(fourth.tokenHash, now: 0) == fourth)
    }
}
