import Crypto
import Foundation
import GRDB

/// Issues and checks SMS codes; codes are stored only as hashes.
public struct SMSCodeBook: Sendable {
    public var rateLimit: SMSRateLimit
    public var lifetimeMs: Int64
    /// Wrong tries after which a code is void.
    public var maxAttempts: Int

    public init(rateLimit: SMSRateLimit = .standard, lifetimeMs: Int64 = 300_000, maxAttempts: Int = 5) {
        self.rateLimit = rateLimit
        self.lifetimeMs = lifetimeMs
        self.maxAttempts = maxAttempts
    }

    /// Why a code was not accepted; goes to callers as `data.cause` of `sms.code_invalid`.
    public enum Rejection: String, Sendable, Error {
        case missing, expired, used, wrong, exhausted
    }

    static func hash(phone: String, purpose: SMSPurpose, code: String) -> Data {
        Data(SHA256.hash(data: Data("\(phone):\(purpose.rawValue):\(code)".utf8)))
    }

    /// Stores a new code for the phone and purpose and returns it (to be delivered), or 429 `sms.rate_limited`.
    public func issue(_ db: Database, phone: String, purpose: SMSPurpose, now: Int64) throws -> (id: Int64, code: String) {
        let lastForPurpose = try Int64.fetchOne(
            db, sql: "SELECT MAX(created_at) FROM sms_code WHERE phone = ? AND purpose = ?", arguments: [phone, purpose.rawValue])
        let sent = try Int64.fetchAll(
            db, sql: "SELECT created_at FROM sms_code WHERE phone = ? AND created_at > ?", arguments: [phone, now - rateLimit.windowMs])
        if let wait = rateLimit.retryAfterMs(now: now, lastForPurposeAt: lastForPurpose, sentForPhone: sent) {
            throw DomainError.rateLimited("sms.rate_limited", "Too many codes for this phone; try again later", retryAfterMs: wait)
        }
        let code = SMSCodeText.newCode()
        try db.execute(
            sql: "INSERT INTO sms_code (phone, purpose, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [phone, purpose.rawValue, Self.hash(phone: phone, purpose: purpose, code: code), now, now + lifetimeMs])
        return (db.lastInsertedRowID, code)
    }

    /// Withdraws a code that could not be delivered, so it neither works nor counts against the limits.
    public func withdraw(_ db: Database, id: Int64) throws {
        try db.execute(sql: "DELETE FROM sms_code WHERE id = ?", arguments: [id])
    }

    /// Checks `code` against the latest code of the phone and purpose and uses it up when it matches.
    ///
    /// A wrong code is counted in the database; the caller must commit that even though it refuses
    /// the request (`Store.writeKeeping`).
    public func consume(_ db: Database, phone: String, purpose: SMSPurpose, code: String, now: Int64) throws -> Rejection? {
        switch try check(db, phone: phone, purpose: purpose, code: code, now: now) {
        case .failure(let rejection): return rejection
        case .success(let id):
            try spend(db, id: id, now: now)
            return nil
        }
    }

    /// Checks `code` against the latest code of the phone and purpose without using it up:
    /// the id of the code when it matches. A wrong code counts towards that code's tries.
    public func check(_ db: Database, phone: String, purpose: SMSPurpose, code: String, now: Int64) throws -> Result<Int64, Rejection> {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM sms_code WHERE phone = ? AND purpose = ? ORDER BY created_at DESC, id DESC LIMIT 1",
            arguments: [phone, purpose.rawValue])
        else { return .failure(.missing) }
        let id: Int64 = row["id"]
        if (row["used_at"] as Int64?) != nil { return .failure(.used) }
        if (row["expires_at"] as Int64) <= now { return .failure(.expired) }
        let failures: Int = row["failed_attempts"]
        if failures >= maxAttempts { return .failure(.exhausted) }
        guard SMSCodeText.isWellFormed(code), (row["code_hash"] as Data) == Self.hash(phone: phone, purpose: purpose, code: code) else {
            try db.execute(sql: "UPDATE sms_code SET failed_attempts = failed_attempts + 1 WHERE id = ?", arguments: [id])
            return .failure(.wrong)
        }
        return .success(id)
    }

    /// Uses up a code `check` accepted.
    public func spend(_ db: Database, id: Int64, now: Int64) throws {
        try db.execute(sql: "UPDATE sms_code SET used_at = ? WHERE id = ?", arguments: [now, id])
    }

    /// Whether `code` is the latest code of the phone and purpose, already used but not expired:
    /// a caller retrying a registration whose reply it lost proves it holds the phone.
    public func isRecentlyUsed(_ db: Database, phone: String, purpose: SMSPurpose, code: String, now: Int64) throws -> Bool {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM sms_code WHERE phone = ? AND purpose = ? ORDER BY created_at DESC, id DESC LIMIT 1",
            arguments: [phone, purpose.rawValue])
        else { return false }
        return (row["used_at"] as Int64?) != nil && (row["expires_at"] as Int64) > now
            && (row["code_hash"] as Data) == Self.hash(phone: phone, purpose: purpose, code: code)
    }

    /// The refusal callers see for a rejected code.
    public static func error(_ rejection: Rejection, field: String = "code") -> DomainError {
        let message = switch rejection {
        case .missing: "No code was requested for this phone"
        case .expired: "The code has expired; request a new one"
        case .used: "The code was already used; request a new one"
        case .wrong: "The code is wrong"
        case .exhausted: "Too many wrong codes; request a new one"
        }
        return DomainError(.precondition, "sms.code_invalid", message, data: ["cause": .string(rejection.rawValue), "field": .string(field)])
    }
}
