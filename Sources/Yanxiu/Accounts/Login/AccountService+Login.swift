extension AccountService {
    /// Creates an account from a phone proven by its register code and opens a session.
    public func register(phone: PhoneNumber, code: String, password: String) async throws -> OpenedSession {
        let hasher = self.hasher
        let hash = try await Offload.run { try hasher.hash(password) }
        let now = clock.nowMs
        let (codes, loginGuard, lifetime) = (self.codes, self.loginGuard, sessionLifetimeMs)
        return try await store.writeKeeping { tx -> Result<OpenedSession, DomainError> in
            switch try Registration.create(tx, phone: phone.digits, code: code, passwordHash: hash, codes: codes, now: now) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let id):
                // Failures counted against the number before it was registered are not its owner's.
                try loginGuard.clear(tx, phone: phone.digits)
                return .success(try SessionAuthenticator.open(tx, accountID: id, now: now, lifetimeMs: lifetime))
            }
        }
    }

    /// A code proves the phone: it opens a session even while password login is locked, and lifts every lock of the number.
    public func login(phone: PhoneNumber, code: String) async throws -> OpenedSession {
        let now = clock.nowMs
        let (codes, loginGuard, lifetime) = (self.codes, self.loginGuard, sessionLifetimeMs)
        return try await store.writeKeeping { tx in
            switch try Self.proveByCode(tx, phone: phone, purpose: .login, code: code, codes: codes, loginGuard: loginGuard, now: now) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let account): return .success(try SessionAuthenticator.open(tx, accountID: account.id, now: now, lifetimeMs: lifetime))
            }
        }
    }

    /// Registered and unknown phones take the same steps (a read, one scrypt verification against
    /// the account's hash or a decoy of the configured strength, a write) and get the same refusals.
    /// Failures and locks are the client's own: another client's lock on the number does not hold this one.
    public func login(phone: PhoneNumber, password: String, client: LoginClient, actor: AuditActor) async throws -> OpenedSession {
        let loginGuard = self.loginGuard
        let readAt = clock.nowMs
        let (account, locked) = try await store.read { tx in
            (try tx.accounts.account(phone: phone.digits), try loginGuard.lockError(tx, phone: phone.digits, client: client, now: readAt))
        }
        if let locked { throw locked }
        let hasher = self.hasher
        let stored = account?.passwordHash ?? hasher.decoy()
        let matches = try await Offload.run { try PasswordHasher.verify(password, against: stored) } && account != nil
        let lifetime = sessionLifetimeMs
        guard matches, let account else {
            let now = clock.nowMs
            return try await store.writeKeeping { tx in
                if let locked = try loginGuard.lockErrorBeforeCounting(tx, phone: phone.digits, client: client, now: now) { return .failure(locked) }
                let current = try tx.accounts.account(phone: phone.digits)
                return .failure(try loginGuard.recordFailure(tx, phone: phone.digits, client: client, account: current, actor: actor, now: now))
            }
        }
        // Hashes made with weaker parameters are replaced while the password is at hand.
        let upgraded = hasher.isStronger(than: account.passwordHash) ? try await Offload.run { try hasher.hash(password) } : nil
        let now = clock.nowMs
        return try await store.writeKeeping { tx in
            if let locked = try loginGuard.lockErrorBeforeCounting(tx, phone: phone.digits, client: client, now: now) { return .failure(locked) }
            try loginGuard.forgetFailures(tx, phone: phone.digits, client: client)
            if let upgraded { try tx.accounts.setPasswordHash(accountID: account.id, hash: upgraded, updatedAt: nil) }
            return .success(try SessionAuthenticator.open(tx, accountID: account.id, now: now, lifetimeMs: lifetime))
        }
    }

    /// Ends the session.
    public func logout(_ session: AuthenticatedAccount) async throws {
        try await store.write { tx in try SessionAuthenticator.revoke(tx, tokenHash: session.tokenHash) }
    }

    /// The account behind a session token (401 otherwise), its expiry slid when due. Every method
    /// proves its session this one way: the session cache first (every revocation clears it, and a
    /// proof that raced a revocation never fills it, see `SessionCache`), then the store.
    public func authenticate(token: String) async throws -> AuthenticatedAccount {
        let now = clock.nowMs
        if let account = recentlyProven(token, now: now) { return account }
        return try await provenByStore(token, now: now)
    }

    /// Callback form of `authenticate(token:)`, for the heartbeat's hot path: a session proven
    /// moments ago answers at once on the caller's thread; any other is read from the store off it.
    public func authenticate(token: String, completion: @escaping @Sendable (Result<AuthenticatedAccount, any Error>) -> Void) {
        let now = clock.nowMs
        if let account = recentlyProven(token, now: now) { return completion(.success(account)) }
        Task {
            do {
                completion(.success(try await provenByStore(token, now: now)))
            } catch {
                completion(.failure(error))
            }
        }
    }

    private func recentlyProven(_ token: String, now: Int64) -> AuthenticatedAccount? {
        guard let account = SessionAuthenticator.cached(token: token, now: now) else { return nil }
        SessionAuthenticator.renewIfDue(account, now: now, lifetimeMs: sessionLifetimeMs, store: store)
        return account
    }

    private func provenByStore(_ token: String, now: Int64) async throws -> AuthenticatedAccount {
        let account = try await store.read { tx in try SessionAuthenticator.authenticate(tx, token: token, now: now) }
        SessionAuthenticator.renewIfDue(account, now: now, lifetimeMs: sessionLifetimeMs, store: store)
        return account
    }
}
