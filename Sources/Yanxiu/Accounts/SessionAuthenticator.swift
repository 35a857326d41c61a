import Crypto
import Foundation
import GRDB

/// An account proven by a session token.
public struct AuthenticatedAccount: Sendable, Equatable {
    public let accountID: Int64
    public let tokenHash: Data
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

    /// Stores a new session for `accountID`; returns the token and its expiry.
    public static func open(_ db: Database, accountID: Int64, now: Int64, lifetimeMs: Int64 = defaultLifetimeMs) throws -> (token: String, expiresAt: Int64) {
        let token = newToken()
        let expiresAt = now + lifetimeMs
        try db.execute(
            sql: "INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            arguments: [hash(token), accountID, now, expiresAt])
        return (token, expiresAt)
    }

    /// The account of a live session; 401 `session.unknown` or `session.expired` otherwise. Read-only.
    public static func authenticate(_ db: Database, token: String, now: Int64) throws -> AuthenticatedAccount {
        let tokenHash = hash(token)
        let ticket = SessionCache.shared.fillTicket()
        guard let row = try Row.fetchOne(db, sql: "SELECT account_id, expires_at FROM session WHERE token_hash = ?", arguments: [tokenHash]) else {
            throw DomainError.unauthorized("session.unknown", "Unknown session; log in again")
        }
        let expiresAt: Int64 = row["expires_at"]
        guard expiresAt > now else { throw DomainError.unauthorized("session.expired", "Session expired; log in again") }
        let account = AuthenticatedAccount(accountID: row["account_id"], tokenHash: tokenHash, expiresAt: expiresAt)
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
    public static func renewIfDue(_ account: AuthenticatedAccount, now: Int64, lifetimeMs: Int64, store: SQLiteStore) {
        guard needsRenewal(account, now: now, lifetimeMs: lifetimeMs) else { return }
        store.writer.submit({ db in try renew(db, account, now: now, lifetimeMs: lifetimeMs) }, completion: { _ in })
    }

    /// Slides the session's expiry forward.
    public static func renew(_ db: Database, _ account: AuthenticatedAccount, now: Int64, lifetimeMs: Int64) throws {
        try db.execute(sql: "UPDATE session SET expires_at = ? WHERE token_hash = ?", arguments: [now + lifetimeMs, account.tokenHash])
        SessionCache.shared.refresh(tokenHash: account.tokenHash)
    }

    /// Ends every session of an account (password or phone change).
    public static func revokeAll(_ db: Database, accountID: Int64) throws {
        try db.execute(sql: "DELETE FROM session WHERE account_id = ?", arguments: [accountID])
        SessionCache.shared.forget(accountID: accountID)
        // Also after the commit: a concurrent authentication may have re-cached it meanwhile.
        db.afterNextTransaction { _ in SessionCache.shared.forget(accountID: accountID) }
    }

    public static func revoke(_ db: Database, tokenHash: Data) throws {
        try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [tokenHash])
        SessionCache.shared.forget(tokenHash: tokenHash)
        db.afterNextTransaction { _ in SessionCache.shared.forget(tokenHash: tokenHash) }
    }

    /// The account of a live session when it was proven moments ago, without touching the database.
    public static func cached(token: String, now: Int64) -> AuthenticatedAccount? {
        SessionCache.shared.lookup(hash(token), now: now)
    }
}
