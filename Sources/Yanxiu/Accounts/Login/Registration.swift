import GRDB
import JSONRPC

/// Creating an account from a phone proven by an SMS code.
public enum Registration {
    /// Creates the account and uses the code; a retry for a phone already registered answers
    /// 409 `account.exists` with the `userId`, but only to a caller holding the phone's latest code.
    public static func create(_ db: Database, phone: String, code: String, passwordHash: String, codes: SMSCodeBook, now: Int64) throws -> Result<Int64, DomainError> {
        if let existing = try AccountRecord.fetch(db, phone: phone) {
            let proven = try codes.isRecentlyUsed(db, phone: phone, purpose: .register, code: code, now: now)
            if !proven, let rejection = try codes.consume(db, phone: phone, purpose: .register, code: code, now: now) {
                return .failure(SMSCodeBook.error(rejection))
            }
            return .failure(.conflict("account.exists", "This phone number is already registered", data: ["userId": .int64(existing.id)]))
        }
        if let rejection = try codes.consume(db, phone: phone, purpose: .register, code: code, now: now) {
            return .failure(SMSCodeBook.error(rejection))
        }
        try db.execute(sql: "INSERT INTO account (phone, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?)",
                       arguments: [phone, passwordHash, now, now])
        return .success(db.lastInsertedRowID)
    }
}
