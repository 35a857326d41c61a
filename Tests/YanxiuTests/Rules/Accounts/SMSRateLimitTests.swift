import Testing
import Yanxiu

@Suite("SMS rate limit rule")
struct SMSRateLimitTests {
    let limit = SMSRateLimit.standard

    @Test("the first code is always allowed")
    func first() {
        #expect(limit.retryAfterMs(now: 1_000_000, lastForPurposeAt: nil, sentForPhone: []) == nil)
    }

    @Test("a resend for the same purpose waits out the 60 s from the last one", arguments: [(0, 60_000), (1, 59_999), (59_999, 1)] as [(Int64, Int64)])
    func resend(elapsed: Int64, wait: Int64) {
        let now: Int64 = 10_000_000
        #expect(limit.retryAfterMs(now: now, lastForPurposeAt: now - elapsed, sentForPhone: [now - elapsed]) == wait)
    }

    @Test("exactly 60 s later the resend is allowed")
    func resendAllowed() {
        #expect(limit.retryAfterMs(now: 60_000, lastForPurposeAt: 0, sentForPhone: [0]) == nil)
    }

    @Test("the eleventh code in 24 hours waits until the oldest leaves the window")
    func daily() {
        let now: Int64 = 100_000_000
        let sent = (0..<10).map { now - 3_600_000 + Int64($0) * 60_000 }
        #expect(limit.retryAfterMs(now: now, lastForPurposeAt: nil, sentForPhone: sent.shuffled()) == Int64(86_400_000 - 3_600_000))
        #expect(limit.retryAfterMs(now: now, lastForPurposeAt: nil, sentForPhone: Array(sent.dropFirst())) == nil)
    }

    @Test("codes older than the window do not count")
    func oldCodes() {
        let now: Int64 = 500_000_000
        let old = (0..<20).map { now - 86_400_000 - Int64($0) }
        #expect(limit.retryAfterMs(now: now, lastForPurposeAt: nil, sentForPhone: old) == nil)
    }

    @Test("the longer of the two waits wins")
    func longerWait() {
        let now: Int64 = 100_000_000
        let sent = (0..<10).map { now - 10_000 - Int64($0) }
        #expect(limit.retryAfterMs(now: now, lastForPurposeAt: now - 10_000, sentForPhone: sent) == Int64(86_400_000 - 10_009))
    }
}

@Suite("Login lockout rule")
struct LoginLockoutTests {
    let rule = LoginLockout.standard

    @Test("four failures do not lock; the fifth locks for 15 minutes")
    func fifthLocks() {
        let now: Int64 = 10_000_000
        #expect(rule.lockedUntil(now: now, failureTimes: [now, now, now, now]) == nil)
        #expect(rule.lockedUntil(now: now, failureTimes: [now, now, now, now, now]) == now + 900_000)
    }

    @Test("failures older than 15 minutes are forgotten")
    func window() {
        let now: Int64 = 10_000_000
        #expect(rule.lockedUntil(now: now, failureTimes: [now - 900_000, now - 1, now - 1, now - 1, now]) == nil)
    }

    @Test("the remaining lock counts down and ends")
    func remaining() {
        #expect(rule.remainingMs(lockedUntil: 1_000, now: 400) == 600)
        #expect(rule.remainingMs(lockedUntil: 1_000, now: 1_000) == nil)
        #expect(rule.remainingMs(lockedUntil: nil, now: 1_000) == nil)
    }
}
