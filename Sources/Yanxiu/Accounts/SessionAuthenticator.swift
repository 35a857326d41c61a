import Crypto
import Foundation

/// An account proven by a session token.
public struct AuthenticatedAccount: Sendable, Equatable {
    public let accountID: Int64
    public let tokenHash: Data
    public let expiresAt: Int64
}

/// A session just opened: the token goes to the caller once and is kept only as its hash.
public struct OpenedSession: Sendable, Equatable {
    public let userID: Int64
    public let token: String
    public let expiresAt: Int64
}

/// Session tokens: random 256-bit values handed to the caller, stored only as SHA-256.
public enum SessionAuthenticator {
    /// Default lifetime of a session, renewed on use (sliding expiry).
    public static let defaultLifetimeMs: Int64 = 7 * 24 * 3600 * 1000

    public static func hash(_ token: String) -> Data { Data(SHA256.hash(data: Data(token.utf8))) }

    /// A new random token (base64url, 43 characters).
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Stores a new session for `accountID`; returns it with its token, which is stored nowhere.
    public static func open(_ tx: any StoreTransaction, accountID: Int64, now: Int64, lifetimeMs: Int64 = defaultLifetimeMs) throws -> OpenedSession {
        let token = newToken()
        let expiresAt = now + lifetimeMs
        try tx.accounts.insertSession(tokenHash: hash(token), accountID: accountID, createdAt: now, expiresAt: expiresAt)
        return OpenedSession(userID: accountID, token: token, expiresAt: expiresAt)
    }

    /// The account of a live session; 401 `session.unknown` or `session.expired` otherwise. Read-only.
    public static func authenticate(_ tx: any StoreTransaction, token: String, now: Int64) throws -> AuthenticatedAccount {
        let tokenHash = hash(token)
        let ticket = SessionCache.shared.fillTicket()
        guard let account = try tx.accounts.session(tokenHash: tokenHash) else {
            throw DomainError.unauthorized("session.unknown", "Unknown session; log in again")
        }
        guard account.expiresAt > now else { throw DomainError.unauthorized("session.expired", "Session expired; log in again") }
        SessionCache.shared.pauseIfAsked()
        SessionCache.shared.remember(account, ticket: ticket)
        return account
    }

    /// Whether the sliding expiry is due to move (at most about once an hour per session).
    public static func needsRenewal(_ account: AuthenticatedAccount, now: Int64, lifetimeMs: Int64) -> Bool {
        account.expiresAt - now < lifetimeMs - 3_600_000
    }

    /// Slides the session's expiry through the writer when it is due; not awaited, since
    /// renewal is no part of the request that proved the session.
    public static func renewIfDue(_ account: AuthenticatedAccount, now: Int64, lifetimeMs: Int64, store: any Store) {
        guard needsRenewal(account, now: now, lifetimeMs: lifetimeMs) else { return }
        store.submit({ tx in try renew(tx, account, now: now, lifetimeMs: lifetimeMs) }, completion: { _ in })
    }

    /// Slides the session's expiry forward.
    public static func renew(_ tx: any StoreTransaction, _ account: AuthenticatedAccount, now: Int64, lifetimeMs: Int64) throws {
        try tx.accounts.setSessionExpiry(tokenHash: account.tokenHash, expiresAt: now + lifetimeMs)
        SessionCache.shared.refresh(tokenHash: account.tokenHash)
    }

    /// Ends every session of an account (password or phone change).
    public static func revokeAll(_ tx: any StoreTransaction, accountID: Int64) throws {
        try tx.accounts.deleteSessions(accountID: accountID)
        SessionCache.shared.forget(accountID: accountID)
        // Also after the commit: a concurrent authentication may have re-cached it meanwhile.
        tx.accounts.afterCommit { SessionCache.shared.forget(accountID: accountID) }
    }

    public static func revoke(_ tx: any StoreTransaction, tokenHash: Data) throws {
        try tx.accounts.deleteSession(tokenHash: tokenHash)
        SessionCache.shared.forget(tokenHash: tokenHash)
        tx.accounts.afterCommit { SessionCache.shared.forget(tokenHash: tokenHash) }
    }

    /// The account of a live session when it was proven moments ago, without touching the database.
    public static func cached(token: String, now: Int64) -> AuthenticatedAccount? {
        SessionCache.shared.lookup(hash(token), now: now)
    }
}
