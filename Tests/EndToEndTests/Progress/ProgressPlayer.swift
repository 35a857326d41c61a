import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// A simulated video player for one teacher: posts heartbeats the way a real one does,
/// while the test moves the daemon's clock as real time would pass.
final class ProgressPlayer {
    let client: RPCClient
    var session: String
    var lessonId: String
    var playbackId: String
    var seq: Int64 = 0
    var positionMs: Int64 = 0
    var generator = SeededGenerator(seed: 7)
    /// Arrival delay of the previous heartbeat, so the clock moves by the difference.
    private var lastDelayMs: Int64 = 0

    init(daemon: LiveDaemon, session: String, lessonId: String, playbackId: String = "pb-1") throws {
        client = try daemon.client()
        self.session = session
        self.lessonId = lessonId
        self.playbackId = playbackId
    }

    /// Sends one heartbeat at the current position; returns the result or throws the daemon's error.
    @discardableResult
    func beat(_ state: String = "playing", rate: Double = 1, positionMs: Int64? = nil) throws -> JSONValue {
        seq += 1
        return try send(seq: seq, state: state, rate: rate, positionMs: positionMs ?? self.positionMs)
    }

    func send(seq: Int64, state: String = "playing", rate: Double = 1, positionMs: Int64) throws -> JSONValue {
        try client.call("progress.heartbeat", [
            "session": .string(session), "lessonId": .string(lessonId), "playbackId": .string(playbackId), "seq": .int64(seq),
            "positionMs": .int64(positionMs), "state": .string(state), "rate": .double(rate),
        ])
    }

    /// Moves the daemon's clock by `ms` of real time.
    func wait(ms: Int64) throws {
        _ = try client.call("testClock.advance", ["seconds": .double(Double(ms) / 1000)])
    }

    /// Plays honestly from the current position to `toSeconds`, a heartbeat every `step` seconds that
    /// arrives up to `jitter` seconds late, losing about `lossPercent` of them (never the last).
    @discardableResult
    func play(to toSeconds: Double, step: Double = 10, jitter: Double = 0, lossPercent: Int = 0, endState: String = "paused") throws -> JSONValue {
        var last = try beat()
        let target = Int64(toSeconds * 1000)
        while positionMs < target {
            let stepMs = min(Int64(step * 1000), target - positionMs)
            let delay = jitter > 0 ? Int64.random(in: 0...Int64(jitter * 1000), using: &generator) : 0
            try wait(ms: stepMs + delay - lastDelayMs)
            lastDelayMs = delay
            positionMs += stepMs
            let isLast = positionMs >= target
            if !isLast, lossPercent > 0, Int.random(in: 0..<100, using: &generator) < lossPercent {
                seq += 1  // sent by the player, lost on the way
                continue
            }
            last = try beat(isLast ? endState : "playing")
        }
        return last
    }

    /// Answers every question of the lesson's quiz with its first option (lessons with pass mark 0 pass on any complete answer).
    func submitQuiz(daemon: LiveDaemon) throws -> JSONValue {
        let lesson = try daemon.call("lesson.get", ["lessonId": .string(lessonId)])
        let questions = lesson["quiz"]?["questions"]?.arrayValue ?? []
        let answers: [JSONValue] = questions.map { ["questionId": $0["id"] ?? .null, "choices": [0]] }
        return try client.call("quiz.submit", ["session": .string(session), "lessonId": .string(lessonId), "answers": .array(answers)])
    }

    /// Plays a whole lesson honestly with 60 s heartbeats: up to the quiz, quiz, rest to the end.
    func complete(_ lesson: String, daemon: LiveDaemon) throws -> JSONValue {
        let info = try daemon.call("lesson.get", ["lessonId": .string(lesson)])
        let duration = Double(info["durationSeconds"]?.int64Value ?? 0)
        let quizAt = Double(info["quiz"]?["atSecond"]?.int64Value ?? 0)
        lessonId = lesson
        playbackId = "pb-\(lesson)"
        seq = 0
        positionMs = 0
        try play(to: quizAt, step: 60)
        _ = try submitQuiz(daemon: daemon)
        try wait(ms: 1000)
        return try play(to: duration, step: 60, endState: "ended")
    }
}

/// A small deterministic generator, so a failing run can be repeated.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
