import Testing
@testable import Yanxiu

/// Honest teachers earn the lesson: a simulated player watches a whole lesson, answering
/// the quiz when it appears, with the imperfections of real networks and people.
@Suite("Honest viewing")
struct HonestViewingTests {
    struct Config: Sendable, CustomTestStringConvertible {
        var name: String
        var rate = 1.0
        var maxRate = 1.0
        /// Chance that a periodic heartbeat is lost (pause, resume, seek and end heartbeats arrive).
        var loss = 0.0
        /// Network delay of each heartbeat, uniform in `0...maxDelayMs`.
        var maxDelayMs: Int64 = 0
        /// The player's timer fires every 10 s ± this.
        var timerJitterMs: Int64 = 0
        var pauses = false
        var rewinds = false
        var reloads = false
        var testDescription: String { name }
    }

    // Network delay: within one run of playing the allowance absorbs delay swings of
    // allowance / rate; across a pause or a new playback (the quiz pauses every viewing)
    // the carry is not refilled, so swings of half that are absorbed.
    static let configs: [Config] = [
        .init(name: "steady 1x"),
        .init(name: "30% heartbeats lost", loss: 0.3),
        .init(name: "network delay swinging by half the allowance", maxDelayMs: 2_500),
        .init(name: "player timer jitter ±5 s", timerJitterMs: 5_000),
        .init(name: "pauses", pauses: true),
        .init(name: "rewinds", rewinds: true),
        .init(name: "page reloads start new playbacks", reloads: true),
        .init(name: "everything at once", loss: 0.2, maxDelayMs: 1_000, timerJitterMs: 5_000,
              pauses: true, rewinds: true, reloads: true),
        .init(name: "1x on a 2x topic, everything", maxRate: 2.0, loss: 0.2, maxDelayMs: 5_000,
              timerJitterMs: 5_000, pauses: true, rewinds: true, reloads: true),
        .init(name: "2x on a 2x topic, everything", rate: 2.0, maxRate: 2.0, loss: 0.2, maxDelayMs: 500,
              timerJitterMs: 5_000, pauses: true, rewinds: true, reloads: true),
        .init(name: "1.5x on a 1.5x topic, everything", rate: 1.5, maxRate: 1.5, loss: 0.2, maxDelayMs: 666,
              timerJitterMs: 5_000, pauses: true, rewinds: true, reloads: true),
    ]

    @Test("an honest viewer completes the lesson and loses nothing", arguments: configs, 0..<20)
    func honestViewerCompletes(config: Config, seed: UInt64) {
        let rules = makeLessonRules(maxPlaybackRate: config.maxRate)
        var player = HonestViewer(config: config, rules: rules, seed: seed)
        player.watchWholeLesson()
        var learner = LearnerHarness(rules: rules)
        for event in player.events.sorted(by: { ($0.arrival, $0.order) < ($1.arrival, $1.order) }) {
            learner.now = event.arrival
            if let heartbeat = event.heartbeat {
                let outcome = learner.beat("L1", heartbeat)
                #expect(outcome.receipt != nil, "refused: \(outcome)")
            } else {
                let passed = learner.passQuiz()
                #expect(passed, "quiz submitted before the quiz point was reached")
            }
        }
        let progress = learner.progress["L1"]!
        let verdicts = learner.verdicts()
        #expect(progress.completedAt != nil)
        #expect(LessonStatus(progress: progress, rules: rules) == .completed)
        // Nothing is lost but, at worst, a fraction of a second when the network reorders
        // the first heartbeats of a playback (the overtaken one is then a duplicate).
        let missing = rules.durationMs - learner.creditedMs()
        #expect(missing >= 0 && missing <= config.maxDelayMs)
        #expect(progress.beforeQuiz.uncoveredLength(in: rules.beforeQuizRange) + progress.missingAfterQuizMs(rules: rules)
                == missing)
        #expect(progress.studyMs >= rules.durationMs - missing)
        #expect(progress.studyMs <= player.contentPlayedMs)
        #expect(verdicts.filter { [.tooFast, .seek, .afterQuizBeforePass].contains($0) } == [])
        // Each playback started once.
        #expect(verdicts.filter { $0 == .start }.count == player.playback + 1)
    }
}

extension HonestViewingTests {
    @Test("in one run of playing, delay swings of the whole allowance lose nothing", arguments: 0..<30)
    func continuousRunAbsorbsWholeAllowance(seed: UInt64) {
        let rules = makeLessonRules()
        let config = Config(name: "continuous", loss: 0.2, maxDelayMs: rules.jitterAllowanceMs, timerJitterMs: 5_000)
        var player = HonestViewer(config: config, rules: rules, seed: seed)
        player.send(.playing)
        player.play(to: rules.quizAtMs)
        player.send(.paused)
        var learner = LearnerHarness(rules: rules)
        for event in player.events.sorted(by: { ($0.arrival, $0.order) < ($1.arrival, $1.order) }) {
            learner.now = event.arrival
            learner.beat("L1", event.heartbeat!)
        }
        let progress = learner.progress["L1"]!
        #expect(progress.beforeQuiz.flat == [0, rules.quizAtMs])
        #expect(progress.quizReachedAt != nil)
        #expect(learner.verdicts().filter { [.tooFast, .seek].contains($0) } == [])
    }

    @Test("a delay swing beyond the allowance is the limit: that one span is too fast")
    func swingBeyondAllowance() {
        var learner = LearnerHarness()
        // Sent every 10 s; the first arrives 5.001 s late, the second on time.
        learner.now = 0 + 5_001
        learner.beat(seq: 1, at: 0)
        learner.now = 10_000 + 5_001
        learner.beat(seq: 2, at: 10_000)
        learner.now = 20_000
        #expect(learner.beat(seq: 3, at: 20_000).verdict == .tooFast)
        learner.now = 30_000
        #expect(learner.beat(seq: 4, at: 30_000).verdict == .credited)
    }
}

/// Generates the heartbeats of one honest viewing, with their arrival times, for the rules
/// alone (the player that drives a daemon is `SimulatedPlayer` in YanxiuClient).
struct HonestViewer {
    struct Event {
        var arrival: Int64
        var order: Int
        /// `nil` for the quiz submission.
        var heartbeat: Heartbeat?
    }

    let config: HonestViewingTests.Config
    let rules: LessonRules
    var rng: ProgressTestRNG
    var events: [Event] = []
    var clock: Int64 = 1_000_000
    var position: Int64 = 0
    var playback = 0
    var seq: Int64 = 0
    var lastDeliveredPosition: Int64 = 0
    var contentPlayedMs: Int64 = 0

    init(config: HonestViewingTests.Config, rules: LessonRules, seed: UInt64) {
        self.config = config
        self.rules = rules
        rng = ProgressTestRNG(seed: seed &* 7919 &+ 17)
    }

    mutating func watchWholeLesson() {
        send(.playing)
        watch(to: rules.quizAtMs)
        // The player pauses for the quiz; the teacher answers, then resumes.
        send(.paused)
        clock += Int64.random(in: 20_000...90_000, using: &rng)
        events.append(Event(arrival: clock + delay(), order: events.count, heartbeat: nil))
        clock += 2_000
        send(.playing)
        watch(to: rules.durationMs)
        send(.ended)
    }

    /// Plays to `target`, interrupted now and then by what the config allows.
    private mutating func watch(to target: Int64) {
        while position < target {
            let stop = min(target, position + Int64.random(in: 60_000...240_000, using: &rng))
            play(to: stop)
            guard position < target else { break }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0 where config.pauses:
                send(.paused)
                clock += Int64.random(in: 1_000...600_000, using: &rng)
                send(.playing)
            case 1 where config.rewinds:
                clock += 500
                position = max(0, position - Int64.random(in: 1_000...120_000, using: &rng))
                send(.playing)
            case 2 where config.reloads:
                // The page reloads (longer than any network delay) and resumes where the
                // server last heard the old playback.
                clock += Int64.random(in: 6_000...30_000, using: &rng)
                playback += 1
                seq = 0
                position = lastDeliveredPosition
                send(.playing)
            default:
                break
            }
        }
    }

    mutating func play(to target: Int64) {
        while position < target {
            let jitter = config.timerJitterMs
            var wall = 10_000 + (jitter > 0 ? Int64.random(in: -jitter...jitter, using: &rng) : 0)
            var step = Int64(Double(wall) * config.rate)
            if position + step >= target {
                step = target - position
                wall = Int64((Double(step) / config.rate).rounded(.up))
            }
            clock += wall
            position += step
            contentPlayedMs += step
            send(.playing, lossy: true)
        }
    }

    mutating func send(_ state: PlaybackState, lossy: Bool = false) {
        seq += 1
        if lossy && Double.random(in: 0..<1, using: &rng) < config.loss { return }
        let heartbeat = Heartbeat(playbackId: "play-\(playback)", seq: seq, positionMs: position,
                                  state: state, rate: config.rate)
        events.append(Event(arrival: clock + delay(), order: events.count, heartbeat: heartbeat))
        lastDeliveredPosition = position
    }

    private mutating func delay() -> Int64 {
        config.maxDelayMs > 0 ? Int64.random(in: 0...config.maxDelayMs, using: &rng) : 0
    }
}
