import Testing
@testable import Yanxiu

@Suite("Heartbeat evaluation steps")
struct HeartbeatEvaluatorTests {
    /// Evaluates through the pure API and checks the inout API agrees.
    func expectUnchanged(_ learner: LearnerHarness, _ heartbeat: Heartbeat, lesson: String = "L1") -> HeartbeatOutcome {
        let rules = learner.rules[lesson]!
        let progress = learner.progress[lesson] ?? LessonProgress(rules: rules)
        let evaluation = HeartbeatEvaluator.evaluated(heartbeat, lessonId: lesson, now: learner.now, rules: rules,
                                                      tracker: learner.tracker, progress: progress)
        #expect(evaluation.tracker == learner.tracker)
        #expect(evaluation.progress == progress)
        return evaluation.outcome
    }

    // MARK: Step 2: one video at a time, superseded playbacks

    @Test("another lesson is refused while a playback is playing, for twice the interval", arguments: [
        (silence: Int64(0), refused: true),
        (silence: 10_000, refused: true),
        (silence: 20_000, refused: true),
        (silence: 20_001, refused: false),
        (silence: 600_000, refused: false),
    ])
    func concurrency(silence: Int64, refused: Bool) {
        var learner = LearnerHarness(rules: ["A": makeLessonRules(), "B": makeLessonRules()])
        learner.beat("A", seq: 1, at: 0)
        learner.advance(silence)
        let heartbeat = Heartbeat(playbackId: "b", seq: 1, positionMs: 0, state: .playing)
        if refused {
            #expect(expectUnchanged(learner, heartbeat, lesson: "B") == .refused(.concurrent(lessonId: "A")))
            #expect(HeartbeatRefusal.concurrent(lessonId: "A").reason == "playback.concurrent")
        } else {
            #expect(learner.beat("B", heartbeat).verdict == .start)
            #expect(learner.tracker.playingLessonId == "B")
        }
    }

    @Test("a paused or ended playback does not block another lesson", arguments: [PlaybackState.paused, .ended])
    func notPlayingDoesNotBlock(state: PlaybackState) {
        var learner = LearnerHarness(rules: ["A": makeLessonRules(), "B": makeLessonRules()])
        learner.beat("A", seq: 1, at: 0)
        learner.advance(5_000)
        learner.beat("A", seq: 2, at: 5_000, state)
        learner.advance(1)
        #expect(learner.beat("B", playback: "b", seq: 1, at: 0).verdict == .start)
        #expect(learner.tracker.playingLessonId == "B")
    }

    @Test("the same lesson in the same playback is never concurrent with itself")
    func sameLesson() {
        var learner = LearnerHarness()
        learner.beat(seq: 1, at: 0)
        learner.advance(1_000)
        #expect(learner.beat(seq: 2, at: 1_000).verdict == .credited)
    }

    @Test("a lesson heard after another one was playing earns nothing for the gap")
    func interruptedByAnotherLesson() {
        var learner = LearnerHarness(rules: ["A": makeLessonRules(), "B": makeLessonRules()])
        learner.beat("A", seq: 1, at: 0)
        learner.advance(25_000)
        learner.beat("B", playback: "b", seq: 1, at: 0)
        learner.advance(10_000)
        learner.beat("B", playback: "b", seq: 2, at: 10_000, .paused)
        learner.advance(1_000)
        // A's last heartbeat said playing, but B was heard since: A gets no time for it.
        let outcome = learner.beat("A", seq: 2, at: 30_000)
        #expect(outcome.verdict == .paused)
        #expect(outcome.receipt?.creditedMs == 0)
        learner.advance(10_000)
        #expect(learner.beat("A", seq: 3, at: 40_000).receipt?.creditedMs == 10_000)
    }

    @Test("a new playback supersedes the old one, whose heartbeats are refused")
    func superseded() {
        var learner = LearnerHarness()
        learner.beat(playback: "old", seq: 1, at: 0)
        learner.advance(10_000)
        learner.beat(playback: "old", seq: 2, at: 10_000)
        learner.advance(1_000)
        #expect(learner.beat(playback: "new", seq: 1, at: 10_000).verdict == .start)
        learner.advance(1_000)
        let heartbeat = Heartbeat(playbackId: "old", seq: 3, positionMs: 20_000, state: .playing)
        let outcome = expectUnchanged(learner, heartbeat)
        #expect(outcome == .refused(.superseded))
        #expect(HeartbeatRefusal.superseded.reason == "playback.superseded")
        #expect(learner.tracker.lessons[0].retired == ["old"])
    }

    @Test("the retired list is bounded; a forgotten playback only restarts, earning nothing")
    func retiredBounded() {
        var learner = LearnerHarness()
        for i in 0...PlaybackTracker.retiredLimit + 1 {
            learner.advance(1_000)
            learner.beat(playback: "p\(i)", seq: 1, at: 0)
        }
        let retired = learner.tracker.lessons[0].retired
        #expect(retired.count == PlaybackTracker.retiredLimit)
        #expect(retired.first == "p1")
        #expect(retired.last == "p\(PlaybackTracker.retiredLimit)")
        learner.advance(1_000)
        #expect(learner.beat(playback: "p1", seq: 2, at: 5_000).isRefused)
        let forgotten = learner.beat(playback: "p0", seq: 2, at: 5_000)
        #expect(forgotten.verdict == .start)
        #expect(forgotten.receipt?.creditedMs == 0)
    }

    // MARK: Step 3: duplicates

    @Test("a seq not above the last is a duplicate and changes nothing", arguments: [Int64(3), 2, 1, -5])
    func duplicate(seq: Int64) {
        var learner = LearnerHarness()
        learner.beat(seq: 1, at: 0)
        learner.advance(10_000)
        learner.beat(seq: 3, at: 10_000)
        learner.advance(10_000)
        // Even a replay that would be a valid credited span, or one with invalid fields.
        for heartbeat in [Heartbeat(playbackId: "p1", seq: seq, positionMs: 20_000, state: .playing),
                          Heartbeat(playbackId: "p1", seq: seq, positionMs: -1, state: "bogus", rate: 9)] {
            let outcome = expectUnchanged(learner, heartbeat)
            #expect(outcome.verdict == .duplicate)
            #expect(outcome.receipt?.creditedMs == 0)
            #expect(outcome.receipt?.coverageBeforeQuizMs == 10_000)
        }
    }

    // MARK: Step 4: validation

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var position: Int64 = 10_000
        var state = "playing"
        var rate = 1.0
        var fields: [InvalidProgressParams.Field]
        var testDescription: String { fields.map { "\($0.field):\($0.reason)" }.joined(separator: ",") }
    }

    @Test("invalid fields are all reported and nothing changes", arguments: [
        InvalidCase(position: -1, fields: [.init(field: "positionMs", reason: "out_of_range")]),
        InvalidCase(position: 1_500_001, fields: [.init(field: "positionMs", reason: "out_of_range")]),
        InvalidCase(rate: 1.25, fields: [.init(field: "rate", reason: "above_maximum")]),
        InvalidCase(rate: 16, fields: [.init(field: "rate", reason: "above_maximum")]),
        InvalidCase(rate: -1, fields: [.init(field: "rate", reason: "invalid")]),
        InvalidCase(rate: .nan, fields: [.init(field: "rate", reason: "invalid")]),
        InvalidCase(rate: .infinity, fields: [.init(field: "rate", reason: "invalid")]),
        InvalidCase(state: "stopped", fields: [.init(field: "state", reason: "unknown")]),
        InvalidCase(state: "PLAYING", fields: [.init(field: "state", reason: "unknown")]),
        InvalidCase(position: Int64.max, state: "", rate: 2, fields: [
            .init(field: "positionMs", reason: "out_of_range"), .init(field: "rate", reason: "above_maximum"),
            .init(field: "state", reason: "unknown"),
        ]),
    ])
    func invalid(_ c: InvalidCase) {
        var learner = LearnerHarness()
        learner.beat(seq: 1, at: 0)
        learner.advance(10_000)
        let heartbeat = Heartbeat(playbackId: "p1", seq: 2, positionMs: c.position, state: c.state, rate: c.rate)
        #expect(expectUnchanged(learner, heartbeat) == .invalid(InvalidProgressParams(fields: c.fields)))
        // A brand-new playback is validated the same way.
        let fresh = Heartbeat(playbackId: "p9", seq: 1, positionMs: c.position, state: c.state, rate: c.rate)
        #expect(expectUnchanged(learner, fresh) == .invalid(InvalidProgressParams(fields: c.fields)))
    }

    @Test("the edges of the video and the maximum rate are valid", arguments: [
        (position: Int64(0), rate: 1.0), (position: 1_500_000, rate: 1.0), (position: 10_000, rate: 0.0),
        (position: 10_000, rate: 0.5),
    ])
    func validEdges(position: Int64, rate: Double) {
        var learner = LearnerHarness()
        #expect(learner.beat(seq: 1, at: position, rate: rate).verdict == .start)
    }

    // MARK: Quiz point and completion

    @Test("the quiz is reached by the first accepted heartbeat at or past the quiz point")
    func quizReached() {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        learner.beat(seq: seq, at: 880_000)
        learner.play(seq: &seq, from: 880_000, to: 890_000)
        #expect(learner.progress["L1"]?.quizReachedAt == nil)
        let passed = learner.passQuiz()
        #expect(!passed)
        learner.play(seq: &seq, from: 890_000, to: 900_000)
        let reachedAt = learner.now
        #expect(learner.progress["L1"]?.quizReachedAt == reachedAt)
        #expect(learner.receipts["L1"]?.last?.quizReached == true)
        learner.play(seq: &seq, from: 900_000, to: 910_000)
        #expect(learner.progress["L1"]?.quizReachedAt == reachedAt)
    }

    @Test("before passing, a span across the quiz point credits only its part before the point")
    func spanAcrossQuizPoint() {
        var learner = LearnerHarness()
        learner.beat(seq: 1, at: 895_000)
        learner.advance(10_000)
        let receipt = learner.beat(seq: 2, at: 905_000).receipt
        #expect(receipt?.verdict == .credited)
        #expect(receipt?.creditedMs == 5_000)
        #expect(receipt?.studiedMs == 10_000)
        #expect(receipt?.coverageAfterQuizMs == 0)
        learner.advance(10_000)
        let after = learner.beat(seq: 3, at: 915_000).receipt
        #expect(after?.verdict == .afterQuizBeforePass)
        #expect(after?.creditedMs == 0)
        #expect(after?.studiedMs == 10_000)
        #expect(learner.progress["L1"]?.studyMs == 20_000)
    }

    @Test("after passing, spans after the quiz point count toward the rest of the video")
    func afterPassing() {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        learner.beat(seq: seq, at: 890_000)
        learner.play(seq: &seq, from: 890_000, to: 900_000)
        let passed = learner.passQuiz()
        #expect(passed)
        learner.play(seq: &seq, from: 900_000, to: 930_000)
        #expect(learner.receipts["L1"]!.suffix(3).map(\.verdict) == [.credited, .credited, .credited])
        #expect(learner.progress["L1"]?.afterQuiz.flat == [900_000, 930_000])
        #expect(learner.receipts["L1"]?.last?.coverageAfterQuizMs == 30_000)
        #expect(learner.receipts["L1"]?.last?.quizPassed == true)
    }

    @Test("completion needs the rest covered within the tolerance", arguments: [
        (gap: Int64(0), completed: true), (gap: 3_000, completed: true), (gap: 3_001, completed: false),
    ])
    func completionTolerance(gap: Int64, completed: Bool) {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        // Paused at the quiz point; playback resumes `gap` later, which is not watched.
        learner.beat(seq: seq, at: 900_000, .paused)
        let passed = learner.passQuiz()
        #expect(passed)
        learner.advance(1_000)
        seq += 1
        #expect(learner.beat(seq: seq, at: 900_000 + gap).verdict == .paused)
        learner.play(seq: &seq, from: 900_000 + gap, to: 1_500_000)
        #expect(learner.completed() == completed)
        #expect(learner.receipts["L1"]?.last?.completed == completed)
        #expect(learner.progress["L1"]?.missingAfterQuizMs(rules: learner.rules["L1"]!) == gap)
    }

    @Test("completion is reported once and stays")
    func completionPermanent() {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        learner.beat(seq: seq, at: 900_000)
        learner.passQuiz()
        learner.play(seq: &seq, from: 900_000, to: 1_500_000)
        let receipts = learner.receipts["L1"]!
        #expect(receipts.filter(\.newlyCompleted).count == 1)
        #expect(receipts.last?.newlyCompleted == true)
        let completedAt = learner.progress["L1"]?.completedAt
        // Later heartbeats, even a fresh playback, keep it completed.
        learner.advance(5_000)
        let later = learner.beat(playback: "p2", seq: 1, at: 100_000).receipt
        #expect(later?.completed == true)
        #expect(later?.newlyCompleted == false)
        #expect(learner.progress["L1"]?.completedAt == completedAt)
    }

    @Test("a quiz at the very end completes the lesson when it is passed")
    func quizAtEnd() {
        var learner = LearnerHarness(rules: makeLessonRules(durationMs: 600_000, quizAtMs: 600_000))
        learner.beat(seq: 1, at: 600_000, .ended)
        #expect(!learner.completed())
        let passed = learner.passQuiz()
        #expect(passed)
        #expect(learner.completed())
    }

    @Test("the first passing time is kept")
    func firstPassKept() {
        let rules = makeLessonRules()
        var progress = LessonProgress(rules: rules)
        progress.quizReachedAt = 10
        let first = progress.recordQuizPassed(at: 100, rules: rules)
        let second = progress.recordQuizPassed(at: 200, rules: rules)
        #expect(first)
        #expect(!second)
        #expect(progress.quizPassedAt == 100)
    }
}
