import Testing
@testable import Yanxiu

@Suite("LessonRules")
struct LessonRulesTests {
    @Test("defaults follow docs/rules.md")
    func defaults() throws {
        let rules = try LessonRules(durationMs: 1_500_000, quizAtMs: 900_000)
        #expect(rules.maxPlaybackRate == 1.0)
        #expect(rules.maxRatePermille == 1_000)
        #expect(rules.jitterAllowanceMs == 5_000)
        #expect(rules.spanCapMs == 300_000)
        #expect(rules.heartbeatIntervalMs == 10_000)
        #expect(rules.stillPlayingWindowMs == 20_000)
        #expect(rules.endToleranceMs == 3_000)
        #expect(rules.afterQuizRange == 900_000..<1_500_000)
        #expect(rules.beforeQuizRange == 0..<900_000)
    }

    @Test("end tolerance is the topic's seconds, never above 2 % of the rest after the quiz", arguments: [
        (duration: Int64(1_500_000), quizAt: Int64(900_000), seconds: 3.0, expected: Int64(3_000)),
        (duration: 1_500_000, quizAt: 900_000, seconds: 20.0, expected: 12_000), // 2 % of 600 s
        (duration: 200_000, quizAt: 100_000, seconds: 3.0, expected: 2_000), // 2 % of 100 s
        (duration: 100_000, quizAt: 99_999, seconds: 3.0, expected: 0), // 2 % of 1 ms floors to 0
        (duration: 100_000, quizAt: 100_000, seconds: 3.0, expected: 0), // quiz at the very end
        (duration: 1_500_000, quizAt: 0, seconds: 0.5, expected: 500),
        (duration: 1_500_000, quizAt: 900_000, seconds: 0.0, expected: 0),
    ])
    func endTolerance(duration: Int64, quizAt: Int64, seconds: Double, expected: Int64) throws {
        let rules = try LessonRules(durationMs: duration, quizAtMs: quizAt, endToleranceSeconds: seconds)
        #expect(rules.endToleranceMs == expected)
    }

    @Test("rates are kept in thousandths", arguments: [(1.0, Int64(1_000)), (1.25, 1_250), (1.5, 1_500), (2.0, 2_000)])
    func ratePermille(rate: Double, permille: Int64) throws {
        #expect(try LessonRules(durationMs: 1_000, quizAtMs: 0, maxPlaybackRate: rate).maxRatePermille == permille)
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var durationMs: Int64 = 1_000_000
        var quizAtMs: Int64 = 500_000
        var rate = 1.0
        var tolerance = 3.0
        var allowance: Int64 = 5_000
        var cap: Int64 = 300_000
        var interval: Int64 = 10_000
        var fields: [String]
        var testDescription: String { fields.joined(separator: ",") }
    }

    @Test("impossible rules are refused, naming every bad field", arguments: [
        InvalidCase(durationMs: 0, quizAtMs: 0, fields: ["durationMs"]),
        InvalidCase(quizAtMs: -1, fields: ["quizAtMs"]),
        InvalidCase(quizAtMs: 1_000_001, fields: ["quizAtMs"]),
        InvalidCase(rate: 2.01, fields: ["maxPlaybackRate"]),
        InvalidCase(rate: 0, fields: ["maxPlaybackRate"]),
        InvalidCase(rate: .nan, fields: ["maxPlaybackRate"]),
        InvalidCase(tolerance: -1, fields: ["endToleranceSeconds"]),
        InvalidCase(allowance: -1, fields: ["jitterAllowanceMs"]),
        InvalidCase(cap: 0, fields: ["spanCapMs"]),
        InvalidCase(interval: 0, fields: ["heartbeatIntervalMs"]),
        InvalidCase(durationMs: -5, rate: 3, cap: -1, fields: ["durationMs", "quizAtMs", "maxPlaybackRate", "spanCapMs"]),
    ])
    func invalid(_ c: InvalidCase) {
        #expect {
            _ = try LessonRules(durationMs: c.durationMs, quizAtMs: c.quizAtMs, maxPlaybackRate: c.rate,
                                endToleranceSeconds: c.tolerance, jitterAllowanceMs: c.allowance,
                                spanCapMs: c.cap, heartbeatIntervalMs: c.interval)
        } throws: { error in
            (error as? InvalidProgressParams)?.fields.map(\.field) == c.fields
        }
    }
}
