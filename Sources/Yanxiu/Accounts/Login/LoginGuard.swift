import JSONValues

/// Counts failed password logins per phone and client, and locks password login for that pair at the limit.
///
/// Registered and unknown phones are counted, locked and answered alike, so the lock tells a
/// caller nothing about registration. A lock holds only the client whose guesses caused it (calls
/// naming no client share one per phone), so a stranger guessing from their own address never
/// locks the owner's. It holds password login only: proving the phone (a login or reset code)
/// lifts every lock of the number (`LoginLockout`, `LoginClient`).
public struct LoginGuard: Sendable {
    public var lockout: LoginLockout

    public init(lockout: LoginLockout = .standard) { self.lockout = lockout }

    /// The instant the lock of the phone and client ends, when it is locked now.
    public func lockedUntil(_ tx: any StoreTransaction, phone: String, client: LoginClient = .unnamed, now: Int64) throws -> Int64? {
        let until = try tx.accounts.loginLock(phone: phone, client: client.key)
        return lockout.remainingMs(lockedUntil: until, now: now) == nil ? nil : until
    }

    /// `lockError` in a write transaction that goes on to count: first waits for whatever another
    /// daemon is counting on the phone, so a lock it is setting is seen.
    public func lockErrorBeforeCounting(_ tx: any StoreTransaction, phone: String, client: LoginClient = .unnamed, now: Int64) throws -> DomainError? {
        try tx.accounts.lockCounters(phone: phone)
        return try lockError(tx, phone: phone, client: client, now: now)
    }

    /// 403 `account.locked` with `retryAfterMs` while password login is locked for the phone and client.
    public func lockError(_ tx: any StoreTransaction, phone: String, client: LoginClient = .unnamed, now: Int64) throws -> DomainError? {
        guard let until = try lockedUntil(tx, phone: phone, client: client, now: now) else { return nil }
        return Self.lockedError(remainingMs: until - now)
    }

    static func lockedError(remainingMs: Int64) -> DomainError {
        DomainError(.forbidden, "account.locked", "Password login is locked after too many failures; log in with an SMS code or wait",
                    data: ["retryAfterMs": .int64(remainingMs)])
    }

    /// Records a failure (audited) and locks the phone for this client at the limit (audited too); returns the refusal to send.
    public func recordFailure(
        _ tx: any StoreTransaction, phone: String, client: LoginClient = .unnamed, account: AccountRecord?, actor: AuditActor, now: Int64
    ) throws -> DomainError {
        try tx.accounts.lockCounters(phone: phone)
        try tx.accounts.addLoginFailure(phone: phone, client: client.key, at: now)
        let target = account.map { AccountRecord.target($0.id) } ?? "phone:\(Masking.phoneNumber(phone))"
        var failed: JSONObject = ["phone": .string(Masking.phoneNumber(phone))]
        if let name = client.name { failed["client"] = .string(name) }
        try tx.audit.record(at: now, actor: actor, action: "account.login_failed", target: target, detail: failed)
        let times = try tx.accounts.loginFailureTimes(phone: phone, client: client.key, after: now - lockout.windowMs)
        guard let until = lockout.lockedUntil(now: now, failureTimes: times) else {
            return DomainError.unauthorized("account.credentials_invalid", "Wrong phone number or password")
        }
        try tx.accounts.setLoginLock(phone: phone, client: client.key, until: until)
        try forgetFailures(tx, phone: phone, client: client)
        var locked: JSONObject = ["until": .string(Timestamp.format(until)), "failures": .int(times.count)]
        if let name = client.name { locked["client"] = .string(name) }
        try tx.audit.record(at: now, actor: actor, action: "account.locked", target: target, detail: locked)
        return Self.lockedError(remainingMs: until - now)
    }

    /// Forgets the failures of the phone and client after a right password; other clients' failures and locks stay.
    public func forgetFailures(_ tx: any StoreTransaction, phone: String, client: LoginClient) throws {
        try tx.accounts.deleteLoginFailures(phone: phone, client: client.key)
    }

    /// Forgets every failure of the phone and lifts every lock of it, whoever caused them: once the phone was proven.
    public func clear(_ tx: any StoreTransaction, phone: String) throws {
        try tx.accounts.deleteLoginFailures(phone: phone, client: nil)
        try tx.accounts.deleteLoginLocks(phone: phone)
    }
}
