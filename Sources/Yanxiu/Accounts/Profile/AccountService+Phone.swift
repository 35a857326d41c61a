extension AccountService {
    /// The owner moves the account to a new phone with a code sent to each (`PhoneChange.change`);
    /// every session ends and a new one is opened.
    public func changePhone(
        _ session: AuthenticatedAccount, oldCode: String, newPhone: PhoneNumber, newCode: String, actor: AuditActor
    ) async throws -> OpenedSession {
        let now = clock.nowMs
        let (codes, lifetime) = (self.codes, sessionLifetimeMs)
        return try await store.writeKeeping { tx in
            let outcome = try PhoneChange.change(
                tx, accountID: session.accountID, oldCode: oldCode, newPhone: newPhone.digits, newCode: newCode, codes: codes, actor: actor, now: now)
            if case .failure(let refusal) = outcome { return .failure(refusal) }
            return .success(try SessionAuthenticator.open(tx, accountID: session.accountID, now: now, lifetimeMs: lifetime))
        }
    }

    /// Support staff move an account whose old phone is gone (`PhoneChange.rebind`).
    public func rebindPhone(_ request: PhoneChange.RebindRequest, actor: AuditActor) async throws {
        let now = clock.nowMs
        try await store.write { tx in try PhoneChange.rebind(tx, request, actor: actor, now: now) }
    }
}
