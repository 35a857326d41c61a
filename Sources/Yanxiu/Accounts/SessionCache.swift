import Dispatch
import Foundation
import Locking

/// Recently proven sessions, so hot paths (heartbeats) need no database read per call.
///
/// Every path that ends a session goes through `SessionAuthenticator.revoke`/`revokeAll`,
/// which remove the entry at once (and again after the commit); the time limit only bounds
/// how long an entry could outlive a change made behind the daemon's back. Entries are also
/// indexed by account, so ending all of an account's sessions costs no scan of the cache.
public final class SessionCache: Sendable {
    public static let shared = SessionCache()

    struct Entry {
        let account: AuthenticatedAccount
        let cachedAt: UInt64
    }

    struct Contents {
        var entries: [Data: Entry] = [:]
        var tokensByAccount: [Int64: Set<Data>] = [:]

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

        private mutating func removeFromIndex(_ account: AuthenticatedAccount) {
            tokensByAccount[account.accountID]?.remove(account.tokenHash)
            if tokensByAccount[account.accountID]?.isEmpty == true { tokensByAccount.removeValue(forKey: account.accountID) }
        }
    }

    private let contents = Locked(Contents())
    // Players beat every 10 s: a limit shorter than that would make the cache miss every time.
    let ttlNanoseconds: UInt64
    let capacity: Int

    init(ttlNanoseconds: UInt64 = 600_000_000_000, capacity: Int = 500_000) {
        self.ttlNanoseconds = ttlNanoseconds
        self.capacity = capacity
    }

    var count: Int { contents.withLock { $0.entries.count } }

    public func lookup(_ tokenHash: Data, now: Int64) -> AuthenticatedAccount? {
        let uptime = DispatchTime.now().uptimeNanoseconds
        return contents.withLock { contents in
            guard let entry = contents.entries[tokenHash] else { return nil }
            guard uptime &- entry.cachedAt < ttlNanoseconds, entry.account.expiresAt > now else {
                contents.remove(tokenHash: tokenHash)
                return nil
            }
            return entry.account
        }
    }

    func remember(_ account: AuthenticatedAccount) {
        let entry = Entry(account: account, cachedAt: DispatchTime.now().uptimeNanoseconds)
        contents.withLock { contents in
            if contents.entries.count >= capacity, contents.entries[account.tokenHash] == nil {
                contents = Contents()
            }
            contents.insert(entry)
        }
    }

    func forget(tokenHash: Data) {
        contents.withLock { $0.remove(tokenHash: tokenHash) }
    }

    func forget(accountID: Int64) {
        contents.withLock { $0.remove(accountID: accountID) }
    }
}
