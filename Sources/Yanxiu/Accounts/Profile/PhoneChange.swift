import JSONValues

/// Moving an account to another phone number: by the owner with two codes, or by support staff.
public enum PhoneChange {
    /// Self-service: a code sent to the current phone and one sent to the new phone. Every session ends.
    ///
    /// Both codes are checked on every try (a wrong one counts towards its own code's limit) before
    /// anything about the new phone is looked at, so a caller learns nothing about a number it does
    /// not hold; a new phone that has an account is then refused without naming it. The codes are
    /// used up only by a change that happens, so a typo in one never spends the other.
    public static func change(_ tx: any StoreTransaction, accountID: Int64, oldCode: String, newPhone: String, newCode: String,
                              codes: SMSCodeBook, actor: AuditActor, now: Int64) throws -> Result<Void, DomainError> {
        let account = try tx.accounts.requireAccount(id: accountID)
        if newPhone == account.phone { return .failure(DomainError.invalid(field: "newPhone", reason: "same")) }
        let old = try codes.check(tx, phone: account.phone, purpose: .changePhoneOld, code: oldCode, now: now)
        let new = try codes.check(tx, phone: newPhone, purpose: .changePhoneNew, code: newCode, now: now)
        let oldID: Int64, newID: Int64
        switch (old, new) {
        case (.failure(let rejection), _): return .failure(SMSCodeBook.error(rejection, field: "oldCode"))
        case (_, .failure(let rejection)): return .failure(SMSCodeBook.error(rejection, field: "newCode"))
        case (.success(let first), .success(let second)): (oldID, newID) = (first, second)
        }
        if try tx.accounts.account(phone: newPhone) != nil {
            return .failure(.conflict("account.exists", "The new phone number belongs to another account"))
        }
        try codes.spend(tx, id: oldID, now: now)
        try codes.spend(tx, id: newID, now: now)
        try move(tx, account: account, to: newPhone, now: now)
        try tx.audit.record(at: now, actor: actor, action: "account.phoneChanged", target: AccountRecord.target(accountID),
                            detail: ["from": .string(Masking.phoneNumber(account.phone)), "to": .string(Masking.phoneNumber(newPhone))])
        return .success(())
    }

    /// What support staff checked against the account before rebinding it.
    public struct RebindRequest: Sendable {
        public var accountID: Int64
        public var name: String
        public var idNumber: String
        public var oldPhone: String
        public var newPhone: String
        public var ticket: String

        public init(accountID: Int64, name: String, idNumber: String, oldPhone: String, newPhone: String, ticket: String) {
            self.accountID = accountID
            self.name = name
            self.idNumber = idNumber
            self.oldPhone = oldPhone
            self.newPhone = newPhone
            self.ticket = ticket
        }
    }

    /// Support path when the old number is gone: name, ID number and old phone must match the account
    /// (412 `rebind.mismatch` naming the fields that do not). Audited with the ticket and who did it.
    public static func rebind(_ tx: any StoreTransaction, _ request: RebindRequest, actor: AuditActor, now: Int64) throws {
        let account = try tx.accounts.requireAccount(id: request.accountID)
        var mismatched: [String] = []
        if account.name != request.name { mismatched.append("name") }
        if account.idNumber == nil || account.idNumber != AccountText.asciiUppercased(AccountText.trimmed(request.idNumber)) { mismatched.append("idNumber") }
        if account.phone != request.oldPhone { mismatched.append("oldPhone") }
        if !mismatched.isEmpty {
            throw DomainError.precondition("rebind.mismatch", "The details do not match the account",
                                           data: ["fields": .array(mismatched.map { ["field": .string($0), "reason": "mismatch"] })])
        }
        if let owner = try tx.accounts.account(phone: request.newPhone) {
            throw DomainError.conflict("account.exists", "The new phone number belongs to another account", data: ["userId": .int64(owner.id)])
        }
        try move(tx, account: account, to: request.newPhone, now: now)
        try tx.audit.record(at: now, actor: actor, action: "account.phoneRebound", target: AccountRecord.target(account.id),
                            detail: ["from": .string(Masking.phoneNumber(account.phone)), "to": .string(Masking.phoneNumber(request.newPhone)),
                                     "ticket": .string(request.ticket)])
    }

    static func move(_ tx: any StoreTransaction, account: AccountRecord, to newPhone: String, now: Int64) throws {
        try tx.accounts.setPhone(accountID: account.id, phone: newPhone, updatedAt: now)
        // The new number was proven (or checked by support): failures counted against it before are not its owner's.
        try LoginGuard().clear(tx, phone: newPhone)
        try SessionAuthenticator.revokeAll(tx, accountID: account.id)
    }
}
