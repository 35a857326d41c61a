import Crypto
import Foundation

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
    public func issue(_ tx: any StoreTransaction, phone: String, purpose: SMSPurpose, now: Int64) throws -> (id: Int64, code: String) {
        try tx.accounts.lockCounters(phone: phone)
        let lastForPurpose = try tx.accounts.latestCodeTime(phone: phone, purpose: purpose)
        let sent = try tx.accounts.codeTimes(phone: phone, after: now - rateLimit.windowMs)
        if let wait = rateLimit.retryAfterMs(now: now, lastForPurposeAt: lastForPurpose, sentForPhone: sent) {
            throw DomainError.rateLimited("sms.rate_limited", "Too many codes for this phone; try again later", retryAfterMs: wait)
        }
        let code = SMSCodeText.newCode()
        let id = try tx.accounts.insertCode(
            phone: phone, purpose: purpose, codeHash: Self.hash(phone: phone, purpose: purpose, code: code), createdAt: now, expiresAt: now + lifetimeMs)
        return (id, code)
    }

    /// Withdraws a code that could not be delivered, so it neither works nor counts against the limits.
    public func withdraw(_ tx: any StoreTransaction, id: Int64) throws {
        try tx.accounts.deleteCode(id: id)
    }

    /// Checks `code` against the latest code of the phone and purpose and uses it up when it matches.
    ///
    /// A wrong code is counted in the store; the caller must commit that even though it refuses
    /// the request (`Store.writeKeeping`).
    public func consume(_ tx: any StoreTransaction, phone: String, purpose: SMSPurpose, code: String, now: Int64) throws -> Rejection? {
        switch try check(tx, phone: phone, purpose: purpose, code: code, now: now) {
        case .failure(let rejection): return rejection
        case .success(let id):
            try spend(tx, id: id, now: now)
            return nil
        }
    }

    /// Checks `code` against the latest code of the phone and purpose without using it up:
    /// the id of the code when it matches. A wrong code counts towards that code's tries.
    public func check(_ tx: any StoreTransaction, phone: String, purpose: SMSPurpose, code: String, now: Int64) throws -> Result<Int64, Rejection> {
        // A try counted, or a code used, by another daemon at the same moment is seen.
        try tx.accounts.lockCounters(phone: phone)
        guard let stored = try tx.accounts.latestCode(phone: phone, purpose: purpose) else { return .failure(.missing) }
        if stored.usedAt != nil { return .failure(.used) }
        if stored.expiresAt <= now { return .failure(.expired) }
        if stored.failedAttempts >= maxAttempts { return .failure(.exhausted) }
        guard SMSCodeText.isWellFormed(code), stored.codeHash == Self.hash(phone: phone, purpose: purpose, code: code) else {
            try tx.accounts.countWrongTry(codeID: stored.id)
            return .failure(.wrong)
        }
        return .success(stored.id)
    }

    /// Uses up a code `check` accepted.
    public func spend(_ tx: any StoreTransaction, id: Int64, now: Int64) throws {
        try tx.accounts.markCodeUsed(codeID: id, at: now)
    }

    /// Whether `code` is the latest code of the phone and purpose, already used but not expired:
    /// a caller retrying a registration whose reply it lost proves it holds the phone.
    public func isRecentlyUsed(_ tx: any StoreTransaction, phone: String, purpose: SMSPurpose, code: String, now: Int64) throws -> Bool {
        guard let stored = try tx.accounts.latestCode(phone: phone, purpose: purpose) else { return false }
        return stored.usedAt != nil && stored.expiresAt > now && stored.codeHash == Self.hash(phone: phone, purpose: purpose, code: code)
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
