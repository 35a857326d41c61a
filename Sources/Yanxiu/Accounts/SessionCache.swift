import Dispatch
import Foundation
import Locking

/// Recently proven sessions, so hot paths (heartbeats) need no database read per call.
///
/// Every path that ends a session goes through `SessionAuthenticator.revoke`/`revokeAll`,
/// which remove the entry at once (and again after the commit); the time limit only bounds
/// how long an entry could outlive a change made behind the daemon's back. Entries are also
/// indexed by account, so ending all of an account's sessions costs no scan of the cache.
///
/// A fill races a revocation when its database read saw the session before the revoking
/// commit but stores it after the revocation's last forget: the revoked session would be
/// trusted until the time limit. So every revocation counts up `revocations`, a filler takes
/// `fillTicket()` before it reads, and `remember(_:ticket:)` stores nothing when a revocation
/// (of any account) came in between; the next call simply reads the database again.
///
/// With several daemons on one database (PostgreSQL), sessions also end on the others: their
/// revocations arrive through a feed (`PostgresRevocationFeed`), which calls `forget` here. While
/// the feed is not heard from (its connection is down, or the server is slow to answer it), this
/// daemon cannot know what ended elsewhere, so entries older than `blindTTLNanoseconds` (one
/// second) are not trusted and the database is read again; when the feed comes back, everything
/// cached before is dropped, since revocations may have been missed meanwhile.
public final class SessionCache: Sendable {
    public static let shared = SessionCache()

    struct Entry {
        let account: AuthenticatedAccount
        let cachedAt: UInt64
    }

    struct Contents {
        var entries: [Data: Entry] = [:]
        var tokensByAccount: [Int64: Set<Data>] = [:]
        var revocations: UInt64 = 0
        /// Whether revocations made by other daemons arrive through a feed (false: one daemon owns the database).
        var followsFeed = false
        /// Uptime at which the feed last proved it had delivered everything sent before.
        var feedHeardAt: UInt64 = 0
        /// Test faults only: how many of the next fills wait before they store, and how long.
        var delayedFills = 0
        var fillDelaySeconds = 0.0
        var sleepingFills = 0

        mutating func insert(_ entry: Entry) {
            let account = entry.account
            if let previous = entries.updateValue(entry, forKey: account.tokenHash), previous.account.accountID != account.accountID {
                removeFromIndex(previous.account)
            }
            tokensByAccount[account.accountID, default: []].insert(account.tokenHash)
        }

        mutating func remove(tokenHash: Data) {
            guard let entry = entries.removeValue(forKey: tokenHash) else { return }
            removeFromIndex(entry.account)
        }

        mutating func remove(accountID: Int64) {
            for tokenHash in tokensByAccount.removeValue(forKey: accountID) ?? [] {
                entries.removeValue(forKey: tokenHash)
            }
        }

        mutating func removeAll() {
            entries = [:]
            tokensByAccount = [:]
        }

        private mutating func removeFromIndex(_ account: AuthenticatedAccount) {
            tokensByAccount[account.accountID]?.remove(account.tokenHash)
            if tokensByAccount[account.accountID]?.isEmpty == true { tokensByAccount.removeValue(forKey: account.accountID) }
        }
    }

    private let contents = Locked(Contents())
    // Players beat every 10 s: a limit shorter than that would make the cache miss every time.
    let ttlNanoseconds: UInt64
    let capacity: Int
    /// How long an entry is trusted while the revocation feed is not heard from.
    let blindTTLNanoseconds: UInt64
    /// How long the feed may stay silent (no proof it delivered everything) before it counts as not heard from.
    let feedSilenceNanoseconds: UInt64

    init(ttlNanoseconds: UInt64 = 600_000_000_000, capacity: Int = 500_000,
         blindTTLNanoseconds: UInt64 = 1_000_000_000, feedSilenceNanoseconds: UInt64 = 1_000_000_000) {
        self.ttlNanoseconds = ttlNanoseconds
        self.capacity = capacity
        self.blindTTLNanoseconds = blindTTLNanoseconds
        self.feedSilenceNanoseconds = feedSilenceNanoseconds
    }

    var count: Int { contents.withLock { $0.entries.count } }

    public func lookup(_ tokenHash: Data, now: Int64) -> AuthenticatedAccount? {
        let uptime = DispatchTime.now().uptimeNanoseconds
        return contents.withLock { contents in
            guard let entry = contents.entries[tokenHash] else { return nil }
            let limit = contents.followsFeed && !isHeard(contents, at: uptime) ? min(ttlNanoseconds, blindTTLNanoseconds) : ttlNanoseconds
            guard uptime &- entry.cachedAt < limit, entry.account.expiresAt > now else {
                contents.remove(tokenHash: tokenHash)
                return nil
            }
            return entry.account
        }
    }

    /// Whether the revocation feed proved, recently enough, that it delivers every revocation.
    private func isHeard(_ contents: Contents, at uptime: UInt64) -> Bool {
        uptime <= contents.feedHeardAt || uptime - contents.feedHeardAt < feedSilenceNanoseconds
    }

    /// False while a feed is followed and not heard from: entries are then trusted for a second only.
    var isFeedHeard: Bool {
        let uptime = DispatchTime.now().uptimeNanoseconds
        return contents.withLock { !$0.followsFeed || isHeard($0, at: uptime) }
    }

    /// Taken before the database read that proves a session, and handed to `remember`.
    func fillTicket() -> UInt64 {
        contents.withLock { $0.revocations }
    }

    /// Stores a proven session.
    func remember(_ account: AuthenticatedAccount) {
        remember(account, ticket: nil)
    }

    /// Stores a proven session, unless a revocation happened since `ticket` was taken.
    func remember(_ account: AuthenticatedAccount, ticket: UInt64?) {
        let entry = Entry(account: account, cachedAt: DispatchTime.now().uptimeNanoseconds)
        contents.withLock { contents in
            if let ticket, ticket != contents.revocations { return }
            if contents.entries.count >= capacity, contents.entries[account.tokenHash] == nil {
                contents.removeAll()
            }
            contents.insert(entry)
        }
    }

    /// Drops an entry whose expiry moved (not a revocation: a fill in flight may still store it).
    func refresh(tokenHash: Data) {
        contents.withLock { $0.remove(tokenHash: tokenHash) }
    }

    /// A session ended.
    func forget(tokenHash: Data) {
        contents.withLock { contents in
            contents.revocations &+= 1
            contents.remove(tokenHash: tokenHash)
        }
    }

    /// Every session of an account ended.
    func forget(accountID: Int64) {
        contents.withLock { contents in
            contents.revocations &+= 1
            contents.remove(accountID: accountID)
        }
    }

    /// Several daemons share the database: from now on, entries are trusted past the blind time
    /// limit only while the revocation feed is heard from.
    public func followFeed() {
        contents.withLock { $0.followsFeed = true }
    }

    /// The feed (re)connected and listens: whatever is cached may have missed a revocation, and
    /// so may a fill in flight.
    public func feedConnected(at uptime: UInt64) {
        contents.withLock { contents in
            contents.revocations &+= 1
            contents.removeAll()
            contents.feedHeardAt = uptime
        }
    }

    /// The feed proved it has delivered every revocation committed before `uptime`.
    public func feedHeard(at uptime: UInt64) {
        contents.withLock { contents in contents.feedHeardAt = max(contents.feedHeardAt, uptime) }
    }

    /// A revocation another daemon (or this one) made.
    public func apply(_ revocation: SessionRevocation) {
        switch revocation {
        case .session(let tokenHash): forget(tokenHash: tokenHash)
        case .account(let accountID): forget(accountID: accountID)
        }
    }

    /// Test faults: the next `count` fills wait `seconds` between their read and their store,
    /// so a test can make a revocation land in between. Returns how many fills are waiting now.
    public func delayFills(count: Int, seconds: Double) -> Int {
        contents.withLock { contents in
            contents.delayedFills = count
            contents.fillDelaySeconds = seconds
            return contents.sleepingFills
        }
    }

    func pauseIfAsked() {
        let seconds = contents.withLock { contents -> Double in
            guard contents.delayedFills > 0, contents.fillDelaySeconds > 0 else { return 0 }
            contents.delayedFills -= 1
            contents.sleepingFills += 1
            return contents.fillDelaySeconds
        }
        guard seconds > 0 else { return }
        Thread.sleep(forTimeInterval: seconds)
        contents.withLock { $0.sleepingFills -= 1 }
    }
}
