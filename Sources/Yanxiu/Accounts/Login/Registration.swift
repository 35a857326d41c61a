import JSONValues

/// Creating an account from a phone proven by an SMS code.
public enum Registration {
    /// Creates the account and uses the code; a retry for a phone already registered answers
    /// 409 `account.exists` with the `userId`, but only to a caller holding the phone's latest code.
    public static func create(_ tx: any StoreTransaction, phone: String, code: String, passwordHash: String, codes: SMSCodeBook, now: Int64) throws -> Result<Int64, DomainError> {
        if let existing = try tx.accounts.account(phone: phone) {
            let proven = try codes.isRecentlyUsed(tx, phone: phone, purpose: .register, code: code, now: now)
            if !proven, let rejection = try codes.consume(tx, phone: phone, purpose: .register, code: code, now: now) {
                return .failure(SMSCodeBook.error(rejection))
            }
            return .failure(.conflict("account.exists", "This phone number is already registered", data: ["userId": .int64(existing.id)]))
        }
        if let rejection = try codes.consume(tx, phone: phone, purpose: .register, code: code, now: now) {
            return .failure(SMSCodeBook.error(rejection))
        }
        guard let id = try tx.accounts.createAccount(phone: phone, passwordHash: passwordHash, at: now) else {
            return .failure(.conflict("account.exists", "This phone number is already registered"))
        }
        return .success(id)
    }
}
