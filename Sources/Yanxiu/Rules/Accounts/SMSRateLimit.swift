/// How often one phone may be sent a code: one per purpose every `resendIntervalMs`,
/// and at most `dailyLimit` in any rolling `windowMs` whatever the purpose.
///
/// A rolling window rather than a calendar day, so that `retryAfterMs` is exact and
/// nobody can spend twenty codes around midnight.
public struct SMSRateLimit: Sendable, Hashable {
    public var resendIntervalMs: Int64
    public var dailyLimit: Int
    public var windowMs: Int64

    public static let standard = SMSRateLimit(resendIntervalMs: 60_000, dailyLimit: 10, windowMs: 86_400_000)

    public init(resendIntervalMs: Int64, dailyLimit: Int, windowMs: Int64 = 86_400_000) {
        self.resendIntervalMs = resendIntervalMs
        self.dailyLimit = dailyLimit
        self.windowMs = windowMs
    }

    /// Milliseconds until another code may be sent, or nil when one may be sent now.
    ///
    /// - Parameters:
    ///   - lastForPurposeAt: when the last code of the same phone and purpose was sent.
    ///   - sentForPhone: when codes were sent to the phone (any purpose), in any order.
    public func retryAfterMs(now: Int64, lastForPurposeAt: Int64?, sentForPhone: [Int64]) -> Int64? {
        var wait: Int64 = 0
        if let last = lastForPurposeAt {
            wait = max(wait, last + resendIntervalMs - now)
        }
        let recent = sentForPhone.filter { $0 > now - windowMs }.sorted()
        if recent.count >= dailyLimit {
            // The send that must leave the window before the count drops below the limit.
            let blocking = recent[recent.count - dailyLimit]
            wait = max(wait, blocking + windowMs - now)
        }
        return wait > 0 ? wait : nil
    }
}
