import JSONRPC

/// A video player of one teacher, driven one tick of daemon time at a time.
///
/// Each tick it plans the heartbeats a real player would post for that stretch of playback;
/// the driver sends the plans of many players together (so they share group commits), hands
/// back the replies, and sends the follow-ups (quiz answers). The daemon, not the player,
/// decides what counts; the player only records what it was told.
public final class SimulatedPlayer {
    public let session: String
    public let behaviour: ViewerBehaviour
    let lessons: [PlayerLesson]
    let tickMs: Int64

    private var lessonIndex = 0
    private var playback = 0
    private var seq: Int64 = 0
    private var positionMs: Int64 = -1
    private var quizAnswered = false
    private var secondTabSeq: Int64 = 0

    /// Verdicts of accepted heartbeats and reasons of refused calls, counted.
    public private(set) var outcomes: [String: Int] = [:]
    /// Lessons the daemon said were completed.
    public private(set) var completedLessons = 0

    public init(session: String, behaviour: ViewerBehaviour, lessons: [PlayerLesson], tickSeconds: Int = 30) {
        self.session = session
        self.behaviour = behaviour
        self.lessons = lessons
        tickMs = Int64(tickSeconds) * 1000
    }

    public var isFinished: Bool { lessonIndex >= lessons.count }

    /// The heartbeats of the next tick.
    public func plan() -> [RPCClient.PlannedCall] {
        guard !isFinished else { return [] }
        let lesson = lessons[lessonIndex]
        var calls: [RPCClient.PlannedCall] = []
        var state = "playing"
        if positionMs < 0 {
            positionMs = 0
        } else if behaviour == .seeksToEnd, positionMs >= 2 * tickMs {
            positionMs = lesson.durationMs
        } else {
            let step = behaviour == .tooFast ? 2 * tickMs : tickMs
            var next = min(positionMs + step, lesson.durationMs)
            // A real player stops at the quiz until it is answered.
            if !quizAnswered, behaviour != .skipsQuiz, positionMs < lesson.quizAtMs, next > lesson.quizAtMs { next = lesson.quizAtMs }
            positionMs = next
        }
        if positionMs >= lesson.durationMs { state = "ended" }
        // A tampered player claims the normal rate whatever it does; the daemon judges positions, not claims.
        let beat = heartbeat(lesson.id, playbackId: "\(lesson.id)#\(playback)", seq: seq, state: state, rate: 1)
        seq += 1
        calls.append(beat)
        if behaviour == .replays { calls.append(beat) }
        if behaviour == .twoAtOnce, lessonIndex + 1 < lessons.count {
            let other = lessons[lessonIndex + 1]
            let position = min(secondTabSeq * tickMs, other.durationMs)
            calls.append(heartbeat(other.id, playbackId: "\(other.id)#tab", seq: secondTabSeq, state: "playing", rate: 1, position: position))
            secondTabSeq += 1
        }
        return calls
    }

    /// Takes the replies to `plan()`'s calls; returns follow-ups to send in the same tick.
    public func receive(_ calls: [RPCClient.PlannedCall], _ replies: [Result<JSONValue, RPCError>]) -> [RPCClient.PlannedCall] {
        guard !isFinished else { return [] }
        let lesson = lessons[lessonIndex]
        var followUps: [RPCClient.PlannedCall] = []
        var finishedLesson = false
        for (call, reply) in zip(calls, replies) {
            switch reply {
            case .success(let result):
                if call.method == "quiz.submit" {
                    quizAnswered = result["quizPassed"] == true
                    count(quizAnswered ? "quiz_passed" : "quiz_failed")
                    continue
                }
                count(result["verdict"]?.stringValue ?? "?")
                guard call.params["lessonId"]?.stringValue == lesson.id else { continue }
                if result["completed"] == true, !finishedLesson, call.params["state"] == "ended" {
                    completedLessons += 1
                    finishedLesson = true
                }
                if result["quizReached"] == true, !quizAnswered, behaviour != .skipsQuiz, followUps.isEmpty {
                    followUps.append(answers(lesson))
                }
            case .failure(let error):
                count(error.reason)
            }
        }
        if positionMs >= lesson.durationMs, calls.contains(where: { $0.method == "progress.heartbeat" }) {
            nextLesson()
        }
        return followUps
    }

    private func nextLesson() {
        lessonIndex += 1
        playback += 1
        seq = 0
        positionMs = -1
        quizAnswered = false
        secondTabSeq = 0
    }

    private func heartbeat(_ lessonId: String, playbackId: String, seq: Int64, state: String, rate: Double, position: Int64? = nil) -> RPCClient.PlannedCall {
        RPCClient.PlannedCall("progress.heartbeat", [
            "session": .string(session), "lessonId": .string(lessonId), "playbackId": .string(playbackId), "seq": .int64(seq),
            "positionMs": .int64(position ?? positionMs), "state": .string(state), "rate": .double(rate),
        ])
    }

    /// Picks the first option of every question: the sample topic's quizzes pass any complete submission.
    private func answers(_ lesson: PlayerLesson) -> RPCClient.PlannedCall {
        RPCClient.PlannedCall("quiz.submit", [
            "session": .string(session), "lessonId": .string(lesson.id),
            "answers": .array(lesson.questions.map { ["questionId": .string($0.id), "choices": [0]] }),
        ])
    }

    private func count(_ key: String) { outcomes[key, default: 0] += 1 }
}
