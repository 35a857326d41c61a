import Foundation
import GRDB

extension SQLiteAccountsStore {
    func latestCode(phone: String, purpose: SMSPurpose) throws -> SMSCodeRecord? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM sms_code WHERE phone = ? AND purpose = ? ORDER BY created_at DESC, id DESC LIMIT 1",
            arguments: [phone, purpose.rawValue])
        else { return nil }
        return SMSCodeRecord(
            id: row["id"], codeHash: row["code_hash"], expiresAt: row["expires_at"], failedAttempts: row["failed_attempts"], usedAt: row["used_at"])
    }

    func latestCodeTime(phone: String, purpose: SMSPurpose) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT MAX(created_at) FROM sms_code WHERE phone = ? AND purpose = ?", arguments: [phone, purpose.rawValue])
    }

    func codeTimes(phone: String, after: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT created_at FROM sms_code WHERE phone = ? AND created_at > ?", arguments: [phone, after])
    }

    func insertCode(phone: String, purpose: SMSPurpose, codeHash: Data, createdAt: Int64, expiresAt: Int64) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO sms_code (phone, purpose, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [phone, purpose.rawValue, codeHash, createdAt, expiresAt])
        return db.lastInsertedRowID
    }

    func deleteCode(id: Int64) throws {
        try db.execute(sql: "DELETE FROM sms_code WHERE id = ?", arguments: [id])
    }

    func countWrongTry(codeID: Int64) throws {
        try db.execute(sql: "UPDATE sms_code SET failed_attempts = failed_attempts + 1 WHERE id = ?", arguments: [codeID])
    }

    func markCodeUsed(codeID: Int64, at: Int64) throws {
        try db.execute(sql: "UPDATE sms_code SET used_at = ? WHERE id = ?", arguments: [at, codeID])
    }

    func addToOutbox(phone: String, text: String, at: Int64) throws {
        try db.execute(sql: "INSERT INTO sms_outbox (phone, text, sent_at) VALUES (?, ?, ?)", arguments: [phone, text, at])
    }

    func outbox(phone: String, limit: Int) throws -> [SMSMessage] {
        try Row.fetchAll(db, sql: "SELECT * FROM sms_outbox WHERE phone = ? ORDER BY sent_at DESC, id DESC LIMIT ?", arguments: [phone, limit])
            .map { row in SMSMessage(phone: row["phone"], text: row["text"], sentAt: row["sent_at"]) }
    }
}
