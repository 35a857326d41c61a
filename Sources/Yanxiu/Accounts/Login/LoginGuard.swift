import GRDB

/// Counts failed password logins per phone and locks password login when they reach the limit.
public struct LoginGuard: Sendable {
    public var lockout: LoginLockout

    public init(lockout: LoginLockout = .standard) { self.lockout = lockout }

    /// 403 `account.locked` with `retryAfterMs` while password login is locked for the account.
    public func lockError(_ account: AccountRecord, now: Int64) -> DomainError? {
        guard let remaining = lockout.remainingMs(lockedUntil: account.passwordLockedUntil, now: now) else { return nil }
        return DomainError(403, "account.locked", "Password login is locked after too many failures; log in with an SMS code or wait",
                           data: ["retryAfterMs": .int64(remaining)])
    }

    /// Records a failure (audited) and locks the account at the limit (audited too); returns the refusal to send.
    public func recordFailure(_ db: Database, phone: String, account: AccountRecord?, actor: AuditActor, now: Int64) throws -> DomainError {
        try db.execute(sql: "INSERT INTO login_failure (phone, at) VALUES (?, ?)", arguments: [phone, now])
        let target = account.map { AccountRecord.target($0.id) } ?? "phone:\(Masking.phoneNumber(phone))"
        try AuditLog.record(db, at: now, actor: actor, action: "account.login_failed", target: target,
                            detail: ["phone": .string(Masking.phoneNumber(phone))])
        let times = try Int64.fetchAll(db, sql: "SELECT at FROM login_failure WHERE phone = ? AND at > ?", arguments: [phone, now - lockout.windowMs])
        if let account, let until = lockout.lockedUntil(now: now, failureTimes: times) {
            try db.execute(sql: "UPDATE account SET password_locked_until = ? WHERE id = ?", arguments: [until, account.id])
            try db.execute(sql: "DELETE FROM login_failure WHERE phone = ?", arguments: [phone])
            try AuditLog.record(db, at: now, actor: actor, action: "account.locked", target: AccountRecord.target(account.id),
                                detail: ["until": .string(Timestamp.format(until)), "failures": .int(times.count)])
            var locked = account
            locked.passwordLockedUntil = until
            return lockError(locked, now: now)!
        }
        return DomainError.unauthorized("account.credentials_invalid", "Wrong phone number or password")
    }

    /// Forgets the failures of a phone after a successful password login.
    public func recordSuccess(_ db: Database, phone: String) throws {
        try db.execute(sql: "DELETE FROM login_failure WHERE phone = ?", arguments: [phone])
    }
}
