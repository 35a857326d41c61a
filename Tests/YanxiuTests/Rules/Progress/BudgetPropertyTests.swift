import Testing
@testable import Yanxiu

/// Random heartbeat sequences, honest or not, across several lessons of one account:
/// whatever they do, no lesson earns more than the time really spent playing it times
/// the rate plus one allowance, and refused heartbeats change nothing.
@Suite("Watch-time budget properties")
struct BudgetPropertyTests {
    struct Sent {
        var lesson: String
        var state: PlaybackState
        var at: Int64
    }

    @Test("no sequence of heartbeats earns more than playing time × rate + one allowance", arguments: 0..<300)
    func budgetCannotBeAccumulated(seed: UInt64) {
        var rng = ProgressTestRNG(seed: seed)
        let lessons = ["A", "B", "C"]
        var rulesByLesson: [String: LessonRules] = [:]
        for lesson in lessons {
            let duration = Int64.random(in: 60_000...2_000_000, using: &rng)
            rulesByLesson[lesson] = makeLessonRules(
                durationMs: duration, quizAtMs: Int64.random(in: 0...duration, using: &rng),
                maxPlaybackRate: [1.0, 1.25, 1.5, 2.0].randomElement(using: &rng)!,
                jitterAllowanceMs: [0, 1_000, 5_000].randomElement(using: &rng)!,
                spanCapMs: [30_000, 300_000].randomElement(using: &rng)!,
                heartbeatIntervalMs: [5_000, 10_000].randomElement(using: &rng)!)
        }
        var learner = LearnerHarness(rules: rulesByLesson)
        var playbacks: [String: [String]] = [:]
        var seqs: [String: Int64] = [:]
        var positions: [String: Int64] = [:]
        var lastAccepted: Sent?
        var playingMs: [String: Int64] = [:]
        var completedAt: [String: Int64] = [:]
        var lesson = "A"

        for _ in 0..<400 {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: learner.advance(Int64.random(in: 15_000...900_000, using: &rng))
            case 1, 2, 3: learner.advance(Int64.random(in: 0...15_000, using: &rng))
            default: break
            }
            if Int.random(in: 0..<8, using: &rng) == 0 { lesson = lessons.randomElement(using: &rng)! }
            if Int.random(in: 0..<15, using: &rng) == 0 { _ = learner.passQuiz(lesson) }

            let rules = rulesByLesson[lesson]!
            // Playback: mostly the current one, sometimes a new or an old one.
            var ids = playbacks[lesson, default: []]
            let pick = Int.random(in: 0..<20, using: &rng)
            if ids.isEmpty || pick == 0 {
                ids.append("\(lesson)-\(ids.count)")
                playbacks[lesson] = ids
            }
            let playback = pick == 1 ? ids.randomElement(using: &rng)! : ids.last!
            // Seq: mostly the next one, sometimes a replay or a jump.
            let last = seqs[playback, default: 0]
            let seq: Int64 = switch Int.random(in: 0..<12, using: &rng) {
            case 0: Int64.random(in: 0...max(0, last), using: &rng)
            case 1: last + Int64.random(in: 2...50, using: &rng)
            default: last + 1
            }
            seqs[playback] = max(last, seq)
            // Position: honest-looking steps, greedy claims, rewinds, jumps, and nonsense.
            let previous = positions[lesson, default: 0]
            let position: Int64 = switch Int.random(in: 0..<14, using: &rng) {
            case 0: previous - Int64.random(in: 0...100_000, using: &rng)
            case 1: Int64.random(in: 0...rules.durationMs, using: &rng)
            case 2: rules.durationMs + Int64.random(in: 0...10, using: &rng)
            case 3: previous + Int64.random(in: 10_000...400_000, using: &rng)
            case 4, 5: previous + Int64.random(in: 4_000...8_000, using: &rng)
            default: previous + Int64.random(in: 0...30_000, using: &rng)
            }
            positions[lesson] = min(max(position, 0), rules.durationMs)
            let state = ["playing", "playing", "playing", "paused", "ended", "stopped"]
                .randomElement(using: &rng)!
            let rate = Int.random(in: 0..<20, using: &rng) == 0 ? rules.maxPlaybackRate + 0.5 : 1.0

            let before = (tracker: learner.tracker, progress: learner.progress)
            let outcome = learner.beat(lesson, Heartbeat(playbackId: playback, seq: seq, positionMs: position,
                                                          state: state, rate: rate))
            guard let receipt = outcome.receipt, receipt.verdict != .duplicate else {
                #expect(learner.tracker == before.tracker)
                #expect(learner.progress == before.progress)
                continue
            }
            // Independent measure of playing time: from an accepted heartbeat saying
            // playing to the account's next accepted heartbeat, for the same lesson.
            if let last = lastAccepted, last.state == .playing, last.lesson == lesson {
                playingMs[lesson, default: 0] += learner.now - last.at
            }
            lastAccepted = Sent(lesson: lesson, state: PlaybackState(rawValue: state)!, at: learner.now)

            let progress = learner.progress[lesson]!
            let studied = progress.studyMs
            let credited = learner.creditedMs(lesson)
            #expect(studied * 1_000 <= playingMs[lesson, default: 0] * rules.maxRatePermille
                    + rules.jitterAllowanceMs * 1_000)
            #expect(credited <= studied)
            #expect(credited == progress.beforeQuiz.coveredLength + progress.afterQuiz.coveredLength)
            #expect(progress.carryMs >= 0 && progress.carryMs <= rules.jitterAllowanceMs)
            #expect(progress.beforeQuiz.coveredLength(in: rules.beforeQuizRange) == progress.beforeQuiz.coveredLength)
            #expect(progress.afterQuiz.coveredLength(in: rules.afterQuizRange) == progress.afterQuiz.coveredLength)
            #expect(progress.afterQuiz.isEmpty || progress.quizPassedAt != nil)
            if let done = completedAt[lesson] { #expect(progress.completedAt == done) }
            completedAt[lesson] = progress.completedAt
            #expect(receipt.completed == (progress.completedAt != nil))
            if let playing = learner.tracker.playingLessonId {
                #expect(learner.tracker.currentPlayback(ofLesson: playing)?.lastState == .playing)
            }
            #expect(learner.tracker.lessons.allSatisfy { $0.retired.count <= PlaybackTracker.retiredLimit })
        }

        // Across the account: the lessons together earn no more than the time played.
        let totalStudied = lessons.reduce(Int64(0)) { $0 + (learner.progress[$1]?.studyMs ?? 0) }
        let totalPlaying = playingMs.values.reduce(0, +)
        let allowances = lessons.reduce(Int64(0)) { $0 + rulesByLesson[$1]!.jitterAllowanceMs }
        #expect(totalStudied * 1_000 <= totalPlaying * 2_000 + allowances * 1_000)
    }
}
