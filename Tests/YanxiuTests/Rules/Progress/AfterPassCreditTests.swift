import Testing
@testable import Yanxiu

/// The part after the quiz point counts only for time that passed after the quiz was passed,
/// plus one jitter allowance: time spent on the video before the pass buys nothing after it.
@Suite("Credit after the quiz point follows the pass")
struct AfterPassCreditTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// ms between the heartbeat at the quiz point and the pass.
        var waitBeforePass: Int64
        /// ms between the pass and the next heartbeat.
        var afterPass: Int64
        /// Position of the next heartbeat, in ms.
        var position: Int64
        var maxRate = 1.0
        var credited: Int64
        var verdict: HeartbeatVerdict
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "the filed hole: 295 s waited, 1 s after the pass", waitBeforePass: 295_000, afterPass: 1_000, position: 1_195_000,
              credited: 6_000, verdict: .credited),
        .init(name: "honest: pass at once, 10 s of playback", waitBeforePass: 0, afterPass: 10_000, position: 910_000,
              credited: 10_000, verdict: .credited),
        .init(name: "honest, heartbeat early by the whole allowance", waitBeforePass: 0, afterPass: 5_000, position: 910_000,
              credited: 10_000, verdict: .credited),
        .init(name: "one ms beyond the allowance is not credited", waitBeforePass: 10_000, afterPass: 5_000, position: 910_001,
              credited: 10_000, verdict: .credited),
        .init(name: "a long quiz, then honest playback", waitBeforePass: 120_000, afterPass: 10_000, position: 910_000,
              credited: 10_000, verdict: .credited),
        .init(name: "pass and heartbeat at the same instant: only the allowance", waitBeforePass: 60_000, afterPass: 0, position: 960_000,
              credited: 5_000, verdict: .credited),
        .init(name: "2x topic: twice the time since the pass", waitBeforePass: 100_000, afterPass: 10_000, position: 1_100_000, maxRate: 2.0,
              credited: 25_000, verdict: .credited),
        .init(name: "the waited time covers everything after the pass", waitBeforePass: 200_000, afterPass: 100_000, position: 1_200_000,
              credited: 105_000, verdict: .credited),
    ]

    @Test(arguments: cases)
    func afterPass(_ c: Case) throws {
        var learner = LearnerHarness(rules: makeLessonRules(maxPlaybackRate: c.maxRate))
        learner.beat(seq: 1, at: 890_000)
        learner.advance(10_000)
        learner.beat(seq: 2, at: 900_000)
        learner.advance(c.waitBeforePass)
        let passed = learner.passQuiz()
        #expect(passed)
        learner.advance(c.afterPass)
        let outcome = learner.beat(seq: 3, at: c.position)
        guard case .accepted(let receipt) = outcome else {
            Issue.record("refused: \(outcome)")
            return
        }
        #expect(receipt.creditedMs == c.credited)
        #expect(receipt.verdict == c.verdict)
        let progress = try #require(learner.progress["L1"])
        #expect(progress.afterQuiz.ranges == [(c.position - c.credited)..<c.position])
    }

    @Test("the credited part is the end of the span: what was played after the pass")
    func latestPartCounts() {
        let rules = makeLessonRules()
        for sincePass in stride(from: Int64(0), through: 400_000, by: 7_000) {
            let part = HeartbeatEvaluator.afterPassPart(900_000..<1_200_000, passedAt: 1_000, now: 1_000 + sincePass, rules: rules)
            #expect(part.upperBound == 1_200_000)
            #expect(part.count == Int(min(sincePass + 5_000, 300_000)))
        }
    }

    @Test("a span across the quiz point keeps its part before it whole")
    func acrossTheQuizPoint() {
        var learner = LearnerHarness(rules: makeLessonRules())
        learner.beat(seq: 1, at: 880_000)
        learner.progress["L1"]!.quizReachedAt = learner.now
        learner.advance(30_000)
        let passed = learner.passQuiz()
        #expect(passed)
        learner.advance(10_000)
        guard case .accepted(let receipt) = learner.beat(seq: 2, at: 920_000) else {
            Issue.record("refused")
            return
        }
        // All 20 s before the quiz point; of the 20 s after it, the 10 s since the pass plus the 5 s allowance.
        #expect(receipt.creditedMs == 35_000)
        #expect(learner.progress["L1"]?.afterQuiz.ranges == [905_000..<920_000])
    }

    @Test("the rest of the video is still earned by honest viewing after a long wait at the quiz")
    func completionAfterWait() {
        var learner = LearnerHarness(rules: makeLessonRules())
        var seq: Int64 = 0
        for position in stride(from: Int64(0), through: 900_000, by: 10_000) {
            seq += 1
            learner.beat(seq: seq, at: position)
            learner.advance(10_000)
        }
        learner.advance(295_000)
        let passed = learner.passQuiz()
        #expect(passed)
        for position in stride(from: Int64(910_000), through: 1_500_000, by: 10_000) {
            learner.advance(10_000)
            seq += 1
            learner.beat(seq: seq, at: position)
        }
        #expect(learner.progress["L1"]?.isCompleted == true)
    }

    @Test("random players: coverage after the quiz point never exceeds the time since the pass, plus the allowances", arguments: 0..<40)
    func neverAheadOfThePass(_ seed: Int) {
        var generator = ProgressTestRNG(seed: UInt64(seed) &+ 600)
        let rules = makeLessonRules()
        var learner = LearnerHarness(rules: rules)
        var seq: Int64 = 0
        var position: Int64 = Int64.random(in: 800_000...900_000, using: &generator)
        var passedAt: Int64?
        for _ in 0..<60 {
            learner.advance(Int64.random(in: 0...40_000, using: &generator))
            if passedAt == nil, learner.progress["L1"]?.quizReached == true, Int.random(in: 0..<4, using: &generator) == 0 {
                _ = learner.passQuiz()
                passedAt = learner.now
            }
            // Honest steps, jumps forward and back, and long silences, in any mix.
            position = min(rules.durationMs, max(0, position + Int64.random(in: -30_000...60_000, using: &generator)))
            seq += 1
            learner.beat(seq: seq, at: position)
            let after = learner.progress["L1"]?.afterQuiz.coveredLength ?? 0
            if let passedAt {
                #expect(after <= (learner.now - passedAt) + 2 * rules.jitterAllowanceMs)
            } else {
                #expect(after == 0)
            }
        }
    }
}
