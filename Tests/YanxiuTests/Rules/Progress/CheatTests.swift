import Testing
@testable import Yanxiu

/// Every way to claim watching that did not happen earns nothing.
@Suite("Cheats earn nothing")
struct CheatTests {
    let rules = makeLessonRules()

    @Test("jumping near the end and watching the last seconds does not complete the lesson")
    func jumpNearEnd() {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        learner.beat(seq: seq, at: 0)
        learner.advance(2_000)
        seq += 1
        #expect(learner.beat(seq: seq, at: 1_490_000).verdict == .seek)
        let passed = learner.passQuiz()
        #expect(passed)
        learner.play(seq: &seq, from: 1_490_000, to: 1_500_000)
        #expect(!learner.completed())
        #expect(learner.creditedMs() == 10_000)
        #expect(learner.status() == .missingAfterQuiz(seconds: 590))
    }

    @Test("a first heartbeat at the end earns nothing")
    func startAtEnd() {
        var learner = LearnerHarness()
        #expect(learner.beat(seq: 1, at: 1_500_000, .ended).verdict == .start)
        let passed = learner.passQuiz()
        #expect(passed)
        learner.advance(10_000)
        #expect(learner.beat(playback: "p2", seq: 1, at: 1_500_000, .ended).receipt?.creditedMs == 0)
        #expect(!learner.completed())
        #expect(learner.creditedMs() == 0)
    }

    @Test("advancing faster than the allowed rate earns nothing", arguments: [2.0, 4.0, 16.0, 30.0])
    func tooFast(claimedRate: Double) {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        var position: Int64 = 0
        learner.beat(seq: seq, at: position)
        while position < 1_500_000 {
            learner.advance(10_000)
            position = min(1_500_000, position + Int64(10_000 * claimedRate))
            seq += 1
            learner.beat(seq: seq, at: position)
            if position >= 900_000 { _ = learner.passQuiz() }
        }
        #expect(learner.creditedMs() == 0)
        #expect(!learner.completed())
        #expect(Set(learner.verdicts().dropFirst()) == [claimedRate <= 16 ? .tooFast : .seek])
    }

    @Test("a little too fast earns no more than the time spent plus one allowance")
    func slightlyTooFast() {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        var position: Int64 = 0
        learner.beat(seq: seq, at: position)
        let start = learner.now
        while position < 1_500_000 {
            learner.advance(10_000)
            position = min(1_500_000, position + 14_000)
            seq += 1
            learner.beat(seq: seq, at: position)
            if position >= 900_000 { _ = learner.passQuiz() }
        }
        #expect(learner.creditedMs() <= learner.now - start + rules.jitterAllowanceMs)
        #expect(learner.verdicts().contains(.tooFast))
        #expect(!learner.completed())
    }

    @Test("positions beyond the video and rates above the maximum are refused and change nothing", arguments: [
        (position: Int64(1_500_001), rate: 1.0, field: "positionMs"),
        (position: 9_999_999, rate: 1.0, field: "positionMs"),
        (position: -10_000, rate: 1.0, field: "positionMs"),
        (position: 20_000, rate: 1.5, field: "rate"),
        (position: 20_000, rate: 2.0, field: "rate"),
    ])
    func outOfRange(position: Int64, rate: Double, field: String) {
        var learner = LearnerHarness()
        learner.beat(seq: 1, at: 0)
        learner.advance(10_000)
        learner.beat(seq: 2, at: 10_000)
        let before = learner
        learner.advance(10_000)
        let outcome = learner.beat(seq: 3, at: position, rate: rate)
        guard case .invalid(let invalid) = outcome else {
            Issue.record("accepted: \(outcome)")
            return
        }
        #expect(invalid.fields.map(\.field) == [field])
        #expect(learner.tracker == before.tracker)
        #expect(learner.progress == before.progress)
    }

    @Test("watching after the quiz point before passing does not count")
    func watchAfterQuizBeforePass() {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        learner.beat(seq: seq, at: 0)
        learner.play(seq: &seq, from: 0, to: 1_500_000)
        let afterQuiz = learner.receipts["L1"]!.suffix(60)
        #expect(afterQuiz.allSatisfy { $0.verdict == .afterQuizBeforePass && $0.creditedMs == 0 })
        #expect(learner.progress["L1"]!.studyMs == 1_500_000)
        #expect(learner.status() == .quizPending)
        // Passing afterwards and idling at the end does not make up for it.
        let passed = learner.passQuiz()
        #expect(passed)
        learner.advance(10_000)
        seq += 1
        learner.beat(seq: seq, at: 1_500_000, .ended)
        #expect(!learner.completed())
        #expect(learner.status() == .missingAfterQuiz(seconds: 600))
        #expect(learner.progress["L1"]!.afterQuiz.isEmpty)
    }

    @Test("a second lesson played at the same time earns nothing")
    func secondLessonConcurrently() {
        var learner = LearnerHarness(rules: ["A": rules, "B": rules])
        var seqA: Int64 = 1, seqB: Int64 = 0
        learner.beat("A", playback: "a", seq: seqA, at: 0)
        for step in 1...90 {
            learner.advance(5_000)
            seqB += 1
            #expect(learner.beat("B", playback: "b", seq: seqB, at: Int64(step) * 5_000).isRefused)
            learner.advance(5_000)
            seqA += 1
            learner.beat("A", playback: "a", seq: seqA, at: Int64(step) * 10_000)
        }
        #expect(learner.progress["B"] == nil)
        #expect(learner.creditedMs("A") == 900_000)
    }

    @Test("two lessons taking turns after silences earn no more than the real time")
    func lessonsTakingTurns() {
        var learner = LearnerHarness(rules: ["A": rules, "B": rules])
        var seq: Int64 = 0
        var positions = ["A": Int64(0), "B": Int64(0)]
        let start = learner.now
        for round in 0..<40 {
            let lesson = round % 2 == 0 ? "A" : "B"
            seq += 1
            // Claim the whole time since this lesson was last heard.
            positions[lesson]! = min(800_000, positions[lesson]! + 50_000)
            learner.beat(lesson, playback: lesson, seq: seq, at: positions[lesson]!)
            learner.advance(25_000)
        }
        let total = learner.creditedMs("A") + learner.creditedMs("B")
        #expect(total == 0)
        #expect(total <= learner.now - start + rules.jitterAllowanceMs)
    }

    @Test("replayed heartbeats are duplicates and change nothing")
    func replayedSeq() {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        learner.beat(seq: seq, at: 0)
        learner.play(seq: &seq, from: 0, to: 300_000)
        let tracker = learner.tracker, progress = learner.progress
        learner.advance(60_000)
        for replay in 1...seq {
            let outcome = learner.beat(seq: replay, at: 300_000 + replay * 10_000)
            #expect(outcome.verdict == .duplicate)
            #expect(outcome.receipt?.creditedMs == 0)
        }
        #expect(learner.tracker == tracker)
        #expect(learner.progress == progress)
    }

    @Test("a superseded playback is refused, so two tabs cannot double the pace")
    func supersededTabs() {
        var learner = LearnerHarness()
        learner.beat(playback: "tab1", seq: 1, at: 0)
        learner.advance(1_000)
        learner.beat(playback: "tab2", seq: 1, at: 600_000)
        for i in 1...30 {
            learner.advance(10_000)
            #expect(learner.beat(playback: "tab1", seq: Int64(i) + 1, at: Int64(i) * 10_000) == .refused(.superseded))
            #expect(learner.beat(playback: "tab2", seq: Int64(i) + 1, at: 600_000 + Int64(i) * 10_000).verdict == .credited)
        }
        #expect(learner.creditedMs() == 300_000)
        #expect(learner.progress["L1"]!.beforeQuiz.flat == [600_000, 900_000])
    }

    @Test("pausing and resuming cannot save up the allowance", arguments: [Int64(0), 1_000, 3_600_000])
    func pauseResume(pauseMs: Int64) {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        var position: Int64 = 0
        learner.beat(seq: seq, at: position)
        // 50 cycles: pause, wait, resume, then immediately claim 5 s more.
        for _ in 0..<50 {
            seq += 1
            learner.beat(seq: seq, at: position, .paused)
            learner.advance(pauseMs)
            seq += 1
            learner.beat(seq: seq, at: position)
            position += 5_000
            seq += 1
            learner.beat(seq: seq, at: position)
        }
        #expect(learner.creditedMs() == rules.jitterAllowanceMs)
    }

    @Test("new playbacks cannot save up the allowance")
    func newPlaybacks() {
        var learner = LearnerHarness()
        var position: Int64 = 0
        // 50 playbacks, each playing 1 s but claiming 6 s (1 s plus a whole allowance).
        for i in 0..<50 {
            learner.beat(playback: "p\(i)", seq: 1, at: position)
            learner.advance(1_000)
            position += 6_000
            learner.beat(playback: "p\(i)", seq: 2, at: position)
        }
        // The allowance is spent once, then refills only with the 1 s really played per
        // playback: a claim fits every sixth playback. A fresh allowance per playback
        // would have paid all 50 claims (300 s).
        #expect(learner.creditedMs() == 9 * 6_000)
        #expect(learner.creditedMs() <= 50 * 1_000 + rules.jitterAllowanceMs)
        #expect(learner.verdicts().filter { $0 == .tooFast }.count == 41)
    }
}
