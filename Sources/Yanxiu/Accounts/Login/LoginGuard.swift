import GRDB

/// Counts failed password logins per phone and locks password login for the phone at the limit.
///
/// Registered and unknown phones are counted, locked and answered alike, so the lock tells a
/// caller nothing about registration. A lock holds password login only: proving the phone
/// (a login or reset code) lifts it, so nobody who merely knows a number can keep its owner
/// out (`LoginLockout`).
public struct LoginGuard: Sendable {
    public var lockout: LoginLockout

    public init(lockout: LoginLockout = .standard) { self.lockout = lockout }

    /// The instant the phone's password lock ends, when it is locked now.
    public func lockedUntil(_ db: Database, phone: String, now: Int64) throws -> Int64? {
        let until = try Int64.fetchOne(db, sql: "SELECT locked_until FROM login_lock WHERE phone = ?", arguments: [phone])
        return lockout.remainingMs(lockedUntil: until, now: now) == nil ? nil : until
    }

    /// 403 `account.locked` with `retryAfterMs` while password login is locked for the phone.
    public func lockError(_ db: Database, phone: String, now: Int64) throws -> DomainError? {
        guard let until = try lockedUntil(db, phone: phone, now: now) else { return nil }
        return Self.lockedError(remainingMs: until - now)
    }

    static func lockedError(remainingMs: Int64) -> DomainError {
        DomainError(403, "account.locked", "Password login is locked after too many failures; log in with an SMS code or wait",
                    data: ["retryAfterMs": .int64(remainingMs)])
    }

    /// Records a failure (audited) and locks the phone at the limit (audited too); returns the refusal to send.
    public func recordFailure(_ db: Database, phone: String, account: AccountRecord?, actor: AuditActor, now: Int64) throws -> DomainError {
        try db.execute(sql: "INSERT INTO login_failure (phone, at) VALUES (?, ?)", arguments: [phone, now])
        let target = account.map { AccountRecord.target($0.id) } ?? "phone:\(Masking.phoneNumber(phone))"
        try AuditLog.record(db, at: now, actor: actor, action: "account.login_failed", target: target,
                            detail: ["phone": .string(Masking.phoneNumber(phone))])
        let times = try Int64.fetchAll(db, sql: "SELECT at FROM login_failure WHERE phone = ? AND at > ?", arguments: [phone, now - lockout.windowMs])
        guard let until = lockout.lockedUntil(now: now, failureTimes: times) else {
            return DomainError.unauthorized("account.credentials_invalid", "Wrong phone number or password")
        }
        try db.execute(sql: "INSERT OR REPLACE INTO login_lock (phone, locked_until) VALUES (?, ?)", arguments: [phone, until])
        try db.execute(sql: "DELETE FROM login_failure WHERE phone = ?", arguments: [phone])
        try AuditLog.record(db, at: now, actor: actor, action: "account.locked", target: target,
                            detail: ["until": .string(Timestamp.format(until)), "failures": .int(times.count)])
        return Self.lockedError(remainingMs: until - now)
    }

    /// Forgets the phone's failures and lifts its lock: after a password login, or once the phone was proven.
    public func clear(_ db: Database, phone: String) throws {
        try db.execute(sql: "DELETE FROM login_failure WHERE phone = ?", arguments: [phone])
        try db.execute(sql: "DELETE FROM login_lock WHERE phone = ?", arguments: [phone])
    }
}
