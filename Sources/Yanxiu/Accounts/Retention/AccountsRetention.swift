/// How long the tables anonymous callers can grow keep their rows, and their pruning.
///
/// Sessions go when they expire, SMS codes once they no longer count towards the daily limit,
/// failed logins once they no longer count towards a lock, locks when they end; the outbox and
/// the audit rows of anonymous login failures after their retention periods. Every other audit
/// row is kept (the audit's delete trigger refuses them).
public struct AccountsRetention: Sendable, Equatable {
    public var outboxMs: Int64
    public var failureAuditMs: Int64
    /// How long a failed login counts towards a lock (`LoginLockout.windowMs`).
    public var loginWindowMs: Int64
    /// How long a sent code counts towards the phone's daily limit (`SMSRateLimit.windowMs`).
    public var smsWindowMs: Int64

    public static let standard = AccountsRetention(
        outboxMs: 7 * 86_400_000, failureAuditMs: 90 * 86_400_000,
        loginWindowMs: LoginLockout.standard.windowMs, smsWindowMs: SMSRateLimit.standard.windowMs)

    public init(outboxMs: Int64, failureAuditMs: Int64, loginWindowMs: Int64, smsWindowMs: Int64) {
        self.outboxMs = outboxMs
        self.failureAuditMs = failureAuditMs
        self.loginWindowMs = loginWindowMs
        self.smsWindowMs = smsWindowMs
    }

    /// Rows removed by one pass, by table.
    public struct Removed: Sendable, Equatable {
        public var sessions = 0, codes = 0, outbox = 0, failures = 0, locks = 0, audit = 0
        public var total: Int { sessions + codes + outbox + failures + locks + audit }

        public init() {}

        public mutating func add(_ other: Removed) {
            sessions += other.sessions
            codes += other.codes
            outbox += other.outbox
            failures += other.failures
            locks += other.locks
            audit += other.audit
        }
    }

    /// Removes at most `limit` rows of each table that are past their time; call again while `total` is not 0.
    public func prune(_ tx: any StoreTransaction, now: Int64, limit: Int) throws -> Removed {
        var removed = Removed()
        removed.sessions = try tx.accounts.pruneSessions(expiredBy: now, limit: limit)
        removed.codes = try tx.accounts.pruneCodes(issuedBy: now - smsWindowMs, limit: limit)
        removed.outbox = try tx.accounts.pruneOutbox(sentBy: now - outboxMs, limit: limit)
        removed.failures = try tx.accounts.pruneLoginFailures(failedBy: now - loginWindowMs, limit: limit)
        removed.locks = try tx.accounts.pruneLoginLocks(endedBy: now, limit: limit)
        removed.audit = try tx.audit.pruneAnonymousFailures(recordedBy: now - failureAuditMs, limit: limit)
        return removed
    }
}
