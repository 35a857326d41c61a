import Foundation
import Postgres

extension PostgresAccountsStore {
    func insertSession(tokenHash: Data, accountID: Int64, createdAt: Int64, expiresAt: Int64) throws {
        try db.execute("INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
                       [tokenHash, accountID, createdAt, expiresAt])
    }

    func session(tokenHash: Data) throws -> AuthenticatedAccount? {
        try db.first("SELECT account_id, expires_at FROM session WHERE token_hash = $1", [tokenHash]).map { row in
            AuthenticatedAccount(accountID: row["account_id"], tokenHash: tokenHash, expiresAt: row["expires_at"])
        }
    }

    func setSessionExpiry(tokenHash: Data, expiresAt: Int64) throws {
        try db.execute("UPDATE session SET expires_at = $1 WHERE token_hash = $2", [expiresAt, tokenHash])
    }

    /// Every daemon on the database hears of it once the transaction commits (`PostgresRevocationFeed`).
    func deleteSession(tokenHash: Data) throws {
        try db.execute("DELETE FROM session WHERE token_hash = $1", [tokenHash])
        try announce(.session(tokenHash: tokenHash))
    }

    /// Every daemon on the database hears of it once the transaction commits (`PostgresRevocationFeed`).
    func deleteSessions(accountID: Int64) throws {
        try db.execute("DELETE FROM session WHERE account_id = $1", [accountID])
        try announce(.account(accountID))
    }

    /// PostgreSQL sends the notification when the transaction commits, and never when it (or
    /// the unit's savepoint) is rolled back.
    private func announce(_ revocation: SessionRevocation) throws {
        try db.execute("SELECT pg_notify($1, $2)", [PostgresRevocationFeed.channel, revocation.payload])
    }

    func afterCommit(_ action: @escaping @Sendable () -> Void) {
        db.afterCommit(action)
    }
}
