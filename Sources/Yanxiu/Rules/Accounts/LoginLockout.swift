/// When failed password logins lock password login for a phone.
///
/// Only password login is locked, and proving the phone with a code lifts the lock: locking
/// more would let anyone who knows a number keep its owner out.
public struct LoginLockout: Sendable, Hashable {
    /// Failures that lock, counted within `windowMs` since the last success or lock.
    public var maxFailures: Int
    public var windowMs: Int64
    public var lockMs: Int64

    public static let standard = LoginLockout(maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000)

    public init(maxFailures: Int, windowMs: Int64, lockMs: Int64) {
        self.maxFailures = maxFailures
        self.windowMs = windowMs
        self.lockMs = lockMs
    }

    /// The instant the lock ends, when `failureTimes` (including the one just recorded) reach the limit.
    public func lockedUntil(now: Int64, failureTimes: [Int64]) -> Int64? {
        let recent = failureTimes.filter { $0 > now - windowMs }.count
        return recent >= maxFailures ? now + lockMs : nil
    }

    /// Milliseconds left on a lock, or nil when password login is open.
    public func remainingMs(lockedUntil: Int64?, now: Int64) -> Int64? {
        guard let lockedUntil, lockedUntil > now else { return nil }
        return lockedUntil - now
    }
}
