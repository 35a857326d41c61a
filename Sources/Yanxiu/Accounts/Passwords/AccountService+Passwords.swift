import JSONValues

extension AccountService {
    /// Replaces the password of the session's account; every session ends and a new one is opened.
    ///
    /// The session proved the account, so a lock others caused on its phone does not stand in the
    /// way; the old password is still asked for, so a borrowed session cannot take the account over.
    public func changePassword(
        _ session: AuthenticatedAccount, oldPassword: String, newPassword: String, client: LoginClient, actor: AuditActor
    ) async throws -> OpenedSession {
        let account = try await store.read { tx in try tx.accounts.requireAccount(id: session.accountID) }
        let loginGuard = self.loginGuard
        let matches = try await Offload.run { try PasswordHasher.verify(oldPassword, against: account.passwordHash) }
        guard matches else {
            let now = clock.nowMs
            // A wrong old password is a guess like any other: it counts towards the client's lock, and
            // the guess that locks also ends the session it came through.
            return try await store.writeKeeping { tx in
                let refusal = try loginGuard.recordFailure(tx, phone: account.phone, client: client, account: account, actor: actor, now: now)
                if refusal.reason == "account.locked" { try SessionAuthenticator.revoke(tx, tokenHash: session.tokenHash) }
                return .failure(refusal)
            }
        }
        let hasher = self.hasher
        let hash = try await Offload.run { try hasher.hash(newPassword) }
        let now = clock.nowMs
        let lifetime = sessionLifetimeMs
        return try await store.write { tx in
            try tx.accounts.setPasswordHash(accountID: account.id, hash: hash, updatedAt: now)
            try SessionAuthenticator.revokeAll(tx, accountID: account.id)
            try loginGuard.clear(tx, phone: account.phone)
            try tx.audit.record(at: now, actor: actor, action: "account.passwordChanged", target: AccountRecord.target(account.id))
            return try SessionAuthenticator.open(tx, accountID: account.id, now: now, lifetimeMs: lifetime)
        }
    }

    /// A forgotten password: the code proves the phone before anything about an account on it is said.
    /// Every session ends, the password lock is lifted, and a new session is opened.
    public func resetPassword(phone: PhoneNumber, code: String, newPassword: String, peerUID: UInt32) async throws -> OpenedSession {
        let hasher = self.hasher
        let hash = try await Offload.run { try hasher.hash(newPassword) }
        let now = clock.nowMs
        let (codes, loginGuard, lifetime) = (self.codes, self.loginGuard, sessionLifetimeMs)
        return try await store.writeKeeping { tx in
            let account: AccountRecord
            switch try Self.proveByCode(tx, phone: phone, purpose: .resetPassword, code: code, codes: codes, loginGuard: loginGuard, now: now) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let proven): account = proven
            }
            try tx.accounts.setPasswordHash(accountID: account.id, hash: hash, updatedAt: now)
            try SessionAuthenticator.revokeAll(tx, accountID: account.id)
            try tx.audit.record(at: now, actor: AuditActor(accountID: account.id, uid: peerUID), action: "account.passwordReset",
                                target: AccountRecord.target(account.id), detail: ["phone": .string(Masking.phoneNumber(account.phone))])
            return .success(try SessionAuthenticator.open(tx, accountID: account.id, now: now, lifetimeMs: lifetime))
        }
    }
}
