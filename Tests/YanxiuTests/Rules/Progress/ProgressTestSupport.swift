import Testing
@testable import Yanxiu

/// SplitMix64: a small seeded generator so random tests are reproducible.
struct ProgressTestRNG: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Rules for tests; the defaults are a 25-minute lesson with the quiz at 15 minutes.
func makeLessonRules(
    durationMs: Int64 = 1_500_000, quizAtMs: Int64 = 900_000, maxPlaybackRate: Double = 1.0,
    endToleranceSeconds: Double = 3, jitterAllowanceMs: Int64 = 5_000, spanCapMs: Int64 = 300_000,
    heartbeatIntervalMs: Int64 = 10_000
) -> LessonRules {
    do {
        return try LessonRules(
            durationMs: durationMs, quizAtMs: quizAtMs, maxPlaybackRate: maxPlaybackRate,
            endToleranceSeconds: endToleranceSeconds, jitterAllowanceMs: jitterAllowanceMs,
            spanCapMs: spanCapMs, heartbeatIntervalMs: heartbeatIntervalMs)
    } catch {
        fatalError("test rules invalid: \(error.fields)")
    }
}

/// One account's state across lessons, driven the way the server will drive the evaluator.
struct LearnerHarness {
    var rules: [String: LessonRules]
    var tracker = PlaybackTracker()
    var progress: [String: LessonProgress] = [:]
    var now: Int64 = 1_000_000
    /// Every accepted receipt, per lesson, in order.
    var receipts: [String: [HeartbeatReceipt]] = [:]

    init(rules: [String: LessonRules]) { self.rules = rules }

    init(lesson: String = "L1", rules: LessonRules = makeLessonRules()) { self.rules = [lesson: rules] }

    mutating func advance(_ ms: Int64) { now += ms }

    @discardableResult
    mutating func beat(_ lesson: String = "L1", playback: String = "p1", seq: Int64, at position: Int64,
                       _ state: PlaybackState = .playing, rate: Double = 1.0) -> HeartbeatOutcome {
        beat(lesson, Heartbeat(playbackId: playback, seq: seq, positionMs: position, state: state.rawValue, rate: rate))
    }

    @discardableResult
    mutating func beat(_ lesson: String, _ heartbeat: Heartbeat) -> HeartbeatOutcome {
        let lessonRules = rules[lesson]!
        var lessonProgress = progress[lesson] ?? LessonProgress(rules: lessonRules)
        let outcome = HeartbeatEvaluator.evaluate(heartbeat, lessonId: lesson, now: now, rules: lessonRules,
                                                  tracker: &tracker, progress: &lessonProgress)
        if case .accepted(let receipt) = outcome {
            progress[lesson] = lessonProgress
            receipts[lesson, default: []].append(receipt)
        }
        return outcome
    }

    /// `quiz.submit` with a passing submission, as the caller does it: only once reached.
    @discardableResult
    mutating func passQuiz(_ lesson: String = "L1") -> Bool {
        guard var lessonProgress = progress[lesson], lessonProgress.canSubmitQuiz else { return false }
        lessonProgress.recordQuizPassed(at: now, rules: rules[lesson]!)
        progress[lesson] = lessonProgress
        return true
    }

    func creditedMs(_ lesson: String = "L1") -> Int64 {
        receipts[lesson, default: []].reduce(0) { $0 + $1.creditedMs }
    }

    func completed(_ lesson: String = "L1") -> Bool { progress[lesson]?.isCompleted ?? false }

    func verdicts(_ lesson: String = "L1") -> [HeartbeatVerdict] { receipts[lesson, default: []].map(\.verdict) }

    func status(_ lesson: String = "L1") -> LessonStatus { LessonStatus(progress: progress[lesson], rules: rules[lesson]!) }

    /// Plays honestly at `rate` from `from` to `to`, one heartbeat every `every` ms of daemon time.
    mutating func play(_ lesson: String = "L1", playback: String = "p1", seq: inout Int64,
                       from: Int64, to: Int64, every: Int64 = 10_000, rate: Double = 1.0) {
        var position = from
        while position < to {
            let step = min(Int64(Double(every) * rate), to - position)
            advance(Int64((Double(step) / rate).rounded(.up)))
            position += step
            seq += 1
            beat(lesson, playback: playback, seq: seq, at: position, rate: rate)
        }
    }
}

extension HeartbeatOutcome {
    var verdict: HeartbeatVerdict? { receipt?.verdict }
    var isRefused: Bool { if case .refused = self { true } else { false } }
}
