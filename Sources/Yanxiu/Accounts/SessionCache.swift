import Dispatch
import Foundation
import Locking

/// Recently proven sessions, so hot paths (heartbeats) need no database read per call.
///
/// Every path that ends a session goes through `SessionAuthenticator.revoke`/`revokeAll`,
/// which remove the entry at once (and again after the commit); the time limit only bounds
/// how long an entry could outlive a change made behind the daemon's back.
public final class SessionCache: Sendable {
    public static let shared = SessionCache()

    struct Entry {
        let account: AuthenticatedAccount
        let cachedAt: UInt64
    }

    private let entries = Locked<[Data: Entry]>([:])
    // Players beat every 10 s: a limit shorter than that would make the cache miss every time.
    let ttlNanoseconds: UInt64 = 600_000_000_000
    let capacity = 500_000

    public func lookup(_ tokenHash: Data, now: Int64) -> AuthenticatedAccount? {
        let uptime = DispatchTime.now().uptimeNanoseconds
        return entries.withLock { entries in
            guard let entry = entries[tokenHash] else { return nil }
            guard uptime &- entry.cachedAt < ttlNanoseconds, entry.account.expiresAt > now else {
                entries.removeValue(forKey: tokenHash)
                return nil
            }
            return entry.account
        }
    }

    func remember(_ account: AuthenticatedAccount) {
        let entry = Entry(account: account, cachedAt: DispatchTime.now().uptimeNanoseconds)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[account.tokenHash] = entry
        }
    }

    func forget(tokenHash: Data) {
        _ = entries.withLock { $0.removeValue(forKey: tokenHash) }
    }

    func forget(accountID: Int64) {
        entries.withLock { entries in entries = entries.filter { $0.value.account.accountID != accountID } }
    }
}
