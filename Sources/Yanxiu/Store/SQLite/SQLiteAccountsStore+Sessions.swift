import Foundation
import GRDB

extension SQLiteAccountsStore {
    func insertSession(tokenHash: Data, accountID: Int64, createdAt: Int64, expiresAt: Int64) throws {
        try db.execute(
            sql: "INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            arguments: [tokenHash, accountID, createdAt, expiresAt])
    }

    func session(tokenHash: Data) throws -> AuthenticatedAccount? {
        guard let row = try Row.fetchOne(db, sql: "SELECT account_id, expires_at FROM session WHERE token_hash = ?", arguments: [tokenHash]) else {
            return nil
        }
        return AuthenticatedAccount(accountID: row["account_id"], tokenHash: tokenHash, expiresAt: row["expires_at"])
    }

    func setSessionExpiry(tokenHash: Data, expiresAt: Int64) throws {
        try db.execute(sql: "UPDATE session SET expires_at = ? WHERE token_hash = ?", arguments: [expiresAt, tokenHash])
    }

    func deleteSession(tokenHash: Data) throws {
        try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [tokenHash])
    }

    func deleteSessions(accountID: Int64) throws {
        try db.execute(sql: "DELETE FROM session WHERE account_id = ?", arguments: [accountID])
    }

    func afterCommit(_ action: @escaping @Sendable () -> Void) {
        db.afterNextTransaction { _ in action() }
    }
}
