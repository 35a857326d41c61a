import Testing
@testable import Yanxiu

/// The crediting rule of one heartbeat (step 5), table-driven: from a playback at
/// 100 s whose previous heartbeat had `previous` state, with `carry` in the bucket,
/// `elapsed` ms later a heartbeat arrives `span` ms further on.
@Suite("Crediting rule")
struct CreditingRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var previous: PlaybackState = .playing
        var carry: Int64 = 5_000
        var elapsed: Int64
        var span: Int64
        var maxRate = 1.0
        var verdict: HeartbeatVerdict
        var credited: Int64
        var carryAfter: Int64
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "honest 10 s", elapsed: 10_000, span: 10_000, verdict: .credited, credited: 10_000, carryAfter: 5_000),
        .init(name: "early by the whole allowance fits", elapsed: 5_000, span: 10_000,
              verdict: .credited, credited: 10_000, carryAfter: 0),
        .init(name: "exactly the budget fits", elapsed: 10_000, span: 15_000, verdict: .credited, credited: 15_000, carryAfter: 0),
        .init(name: "one ms over the budget is too fast", elapsed: 10_000, span: 15_001,
              verdict: .tooFast, credited: 0, carryAfter: 5_000),
        .init(name: "late arrival refills only up to the allowance", elapsed: 14_000, span: 10_000,
              verdict: .credited, credited: 10_000, carryAfter: 5_000),
        .init(name: "empty carry: no slack", carry: 0, elapsed: 10_000, span: 10_001,
              verdict: .tooFast, credited: 0, carryAfter: 5_000),
        .init(name: "partly used carry", carry: 2_000, elapsed: 10_000, span: 11_000,
              verdict: .credited, credited: 11_000, carryAfter: 1_000),
        .init(name: "carry above the allowance counts as the allowance", carry: 60_000, elapsed: 10_000, span: 15_001,
              verdict: .tooFast, credited: 0, carryAfter: 5_000),
        .init(name: "standing still", elapsed: 10_000, span: 0, verdict: .credited, credited: 0, carryAfter: 5_000),
        .init(name: "backwards is a rewind", elapsed: 10_000, span: -30_000, verdict: .rewind, credited: 0, carryAfter: 5_000),
        .init(name: "reachable at 16x is too fast", elapsed: 10_000, span: 160_000,
              verdict: .tooFast, credited: 0, carryAfter: 5_000),
        .init(name: "beyond 16x is a seek", elapsed: 10_000, span: 160_001, verdict: .seek, credited: 0, carryAfter: 5_000),
        .init(name: "no time passed: only the carry", elapsed: 0, span: 5_000, verdict: .credited, credited: 5_000, carryAfter: 0),
        .init(name: "no time passed and beyond the carry is a seek", elapsed: 0, span: 5_001,
              verdict: .seek, credited: 0, carryAfter: 5_000),
        .init(name: "span cap reached exactly", elapsed: 400_000, span: 300_000,
              verdict: .credited, credited: 300_000, carryAfter: 5_000),
        .init(name: "span over the cap is not credited", elapsed: 400_000, span: 300_001,
              verdict: .tooFast, credited: 0, carryAfter: 5_000),
        .init(name: "after a pause nothing is credited", previous: .paused, carry: 2_000, elapsed: 10_000, span: 10_000,
              verdict: .paused, credited: 0, carryAfter: 2_000),
        .init(name: "after the end nothing is credited", previous: .ended, carry: 2_000, elapsed: 10_000, span: 10_000,
              verdict: .paused, credited: 0, carryAfter: 2_000),
        .init(name: "a long pause does not fill the bucket", previous: .paused, carry: 0, elapsed: 3_600_000, span: 0,
              verdict: .paused, credited: 0, carryAfter: 0),
        .init(name: "2x topic: twice the elapsed time", elapsed: 10_000, span: 25_000, maxRate: 2.0,
              verdict: .credited, credited: 25_000, carryAfter: 0),
        .init(name: "2x topic: one ms more is too fast", elapsed: 10_000, span: 25_001, maxRate: 2.0,
              verdict: .tooFast, credited: 0, carryAfter: 5_000),
        .init(name: "1.5x topic", elapsed: 10_000, span: 20_000, maxRate: 1.5,
              verdict: .credited, credited: 20_000, carryAfter: 0),
    ]

    @Test("one heartbeat", arguments: cases)
    func oneHeartbeat(_ c: Case) {
        var learner = LearnerHarness(rules: makeLessonRules(maxPlaybackRate: c.maxRate))
        learner.beat(seq: 1, at: 100_000, c.previous, rate: c.maxRate)
        learner.progress["L1"]!.carryMs = c.carry
        learner.advance(c.elapsed)
        let outcome = learner.beat(seq: 2, at: 100_000 + c.span, rate: c.maxRate)
        let receipt = outcome.receipt
        #expect(receipt?.verdict == c.verdict)
        #expect(receipt?.creditedMs == c.credited)
        #expect(learner.progress["L1"]!.carryMs == c.carryAfter)
        #expect(learner.progress["L1"]!.beforeQuiz.coveredLength == c.credited)
        // Study time is exactly what fit the budget.
        let fit = c.verdict == .credited ? c.span : 0
        #expect(receipt?.studiedMs == fit)
        #expect(learner.progress["L1"]!.studyMs == fit)
        // Whatever the verdict, the new position is taken.
        #expect(learner.tracker.currentPlayback(ofLesson: "L1")?.lastPositionMs == 100_000 + c.span)
    }

    @Test("the first heartbeat of a playback only sets the position")
    func start() {
        var learner = LearnerHarness()
        let receipt = learner.beat(seq: 7, at: 600_000).receipt
        #expect(receipt?.verdict == .start)
        #expect(receipt?.creditedMs == 0)
        #expect(learner.progress["L1"]?.startedAt == learner.now)
        #expect(learner.progress["L1"]?.carryMs == 5_000)
        #expect(learner.tracker.currentPlayback(ofLesson: "L1")
                == .init(playbackId: "p1", lastSeq: 7, lastPositionMs: 600_000, lastState: .playing,
                         lastHeardAt: learner.now))
        #expect(learner.tracker.playingLessonId == "L1")
    }

    @Test("re-watching covers nothing new but counts as study time")
    func rewatch() {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        learner.beat(seq: seq, at: 0)
        learner.play(seq: &seq, from: 0, to: 60_000)
        learner.advance(1_000)
        seq += 1
        #expect(learner.beat(seq: seq, at: 20_000).verdict == .rewind)
        learner.play(seq: &seq, from: 20_000, to: 70_000)
        #expect(learner.creditedMs() == 70_000)
        #expect(learner.progress["L1"]!.beforeQuiz.flat == [0, 70_000])
        #expect(learner.progress["L1"]!.studyMs == 110_000)
        #expect(learner.receipts["L1"]!.last!.creditedMs == 10_000)
        #expect(learner.receipts["L1"]!.dropLast().last!.creditedMs == 0)
        #expect(learner.receipts["L1"]!.dropLast().last!.verdict == .credited)
    }

    @Test("a daemon clock set back earns nothing extra")
    func clockBackwards() {
        var learner = LearnerHarness()
        learner.beat(seq: 1, at: 0)
        learner.advance(-60_000)
        let receipt = learner.beat(seq: 2, at: 5_000).receipt
        #expect(receipt?.verdict == .credited)
        #expect(receipt?.creditedMs == 5_000)
        learner.advance(-1)
        #expect(learner.beat(seq: 3, at: 5_001).verdict == .seek)
    }
}
