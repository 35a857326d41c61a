import Foundation
import Postgres

extension PostgresAccountsStore {
    func latestCode(phone: String, purpose: SMSPurpose) throws -> SMSCodeRecord? {
        try db.first("""
            SELECT id, code_hash, expires_at, failed_attempts, used_at FROM sms_code
            WHERE phone = $1 AND purpose = $2 ORDER BY created_at DESC, id DESC LIMIT 1
            """, [phone, purpose.rawValue]).map { row in
            SMSCodeRecord(
                id: row["id"], codeHash: row["code_hash"], expiresAt: row["expires_at"], failedAttempts: row["failed_attempts"],
                usedAt: row["used_at"])
        }
    }

    func latestCodeTime(phone: String, purpose: SMSPurpose) throws -> Int64? {
        try db.first("SELECT max(created_at) FROM sms_code WHERE phone = $1 AND purpose = $2", [phone, purpose.rawValue])?[0]
    }

    func codeTimes(phone: String, after: Int64) throws -> [Int64] {
        try db.execute("SELECT created_at FROM sms_code WHERE phone = $1 AND created_at > $2 ORDER BY created_at", [phone, after]).map { $0[0] }
    }

    func insertCode(phone: String, purpose: SMSPurpose, codeHash: Data, createdAt: Int64, expiresAt: Int64) throws -> Int64 {
        try db.execute(
            "INSERT INTO sms_code (phone, purpose, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            [phone, purpose.rawValue, codeHash, createdAt, expiresAt])[0][0]
    }

    func deleteCode(id: Int64) throws {
        try db.execute("DELETE FROM sms_code WHERE id = $1", [id])
    }

    func countWrongTry(codeID: Int64) throws {
        try db.execute("UPDATE sms_code SET failed_attempts = failed_attempts + 1 WHERE id = $1", [codeID])
    }

    func markCodeUsed(codeID: Int64, at: Int64) throws {
        try db.execute("UPDATE sms_code SET used_at = $1 WHERE id = $2", [at, codeID])
    }

    func addToOutbox(phone: String, text: String, at: Int64) throws {
        try db.execute("INSERT INTO sms_outbox (phone, text, sent_at) VALUES ($1, $2, $3)", [phone, text, at])
    }

    func outbox(phone: String, limit: Int) throws -> [SMSMessage] {
        try db.execute("SELECT phone, text, sent_at FROM sms_outbox WHERE phone = $1 ORDER BY sent_at DESC, id DESC LIMIT $2", [phone, limit])
            .map { row in SMSMessage(phone: row["phone"], text: row["text"], sentAt: row["sent_at"]) }
    }
}
