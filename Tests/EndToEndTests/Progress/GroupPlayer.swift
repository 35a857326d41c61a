import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// One teacher's video player whose calls a load balancer spreads over the daemons of a group.
/// Every daemon runs on its own test clock; the player moves them all together, as real time
/// passes on every host at once.
///
/// Two threads may send at once, each to its own daemon's connection; the counters change only
/// between such sends.
final class GroupPlayer: @unchecked Sendable {
    /// One connection per daemon, each used by one thread at a time.
    let clients: [RPCClient]
    let session: String
    var lessonId: String
    var playbackId: String
    var seq: Int64 = 0
    var positionMs: Int64 = 0

    init(_ group: DaemonGroup, session: String, lessonId: String, playbackId: String = "pb-1") throws {
        clients = try group.daemons.map { try $0.client() }
        self.session = session
        self.lessonId = lessonId
        self.playbackId = playbackId
    }

    /// Sets every daemon's clock to `time` (RFC 3339).
    func setClocks(_ time: String) throws {
        for client in clients { _ = try client.call("testClock.set", ["time": .string(time)]) }
    }

    /// Moves every daemon's clock by `ms` of real time.
    func wait(ms: Int64) throws {
        for client in clients { _ = try client.call("testClock.advance", ["seconds": .double(Double(ms) / 1000)]) }
    }

    /// The next heartbeat at the current position, sent to daemon `daemon`.
    func beat(to daemon: Int, _ state: String = "playing") throws -> JSONValue {
        seq += 1
        return try send(to: daemon, seq: seq, state: state)
    }

    /// Heartbeat `seq` at the current position, sent to daemon `daemon` and sent again after the
    /// pause it asks for while it answers 503 `server.busy`, as a player does.
    func send(to daemon: Int, seq: Int64, state: String = "playing") throws -> JSONValue {
        let params: JSONObject = [
            "session": .string(session), "lessonId": .string(lessonId), "playbackId": .string(playbackId), "seq": .int64(seq),
            "positionMs": .int64(positionMs), "state": .string(state), "rate": .double(1),
        ]
        for _ in 0..<20 {
            do {
                return try clients[daemon].call("progress.heartbeat", params)
            } catch let error as RPCError where error.code == 503 && error.reason == "server.busy" {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        return try clients[daemon].call("progress.heartbeat", params)
    }

    /// Answers every question of the lesson's quiz with its first option, on daemon `daemon`.
    func submitQuiz(to daemon: Int) throws -> JSONValue {
        let lesson = try clients[daemon].call("lesson.get", ["lessonId": .string(lessonId)])
        let questions = lesson["quiz"]?["questions"]?.arrayValue ?? []
        let answers: [JSONValue] = questions.map { ["questionId": $0["id"] ?? .null, "choices": [0]] }
        return try clients[daemon].call("quiz.submit", ["session": .string(session), "lessonId": .string(lessonId), "answers": .array(answers)])
    }

    /// The lesson's length and quiz point, in milliseconds.
    func lessonTimes() throws -> (durationMs: Int64, quizAtMs: Int64) {
        let lesson = try clients[0].call("lesson.get", ["lessonId": .string(lessonId)])
        return ((lesson["durationSeconds"]?.int64Value ?? 0) * 1000, (lesson["quiz"]?["atSecond"]?.int64Value ?? 0) * 1000)
    }

    /// Watches the lesson honestly from the start, a heartbeat every 10 s: up to the quiz point,
    /// then (unless `stopAtQuiz`) the quiz, a heartbeat as playback resumes, and the rest to the end. `beat(step, state)` delivers
    /// heartbeat `seq` (already counted) to whichever daemons the test chooses, `quiz()` submits the
    /// quiz; what they return is kept, in order.
    func watch(stopAtQuiz: Bool = false, beat: (_ step: Int, _ state: String) throws -> JSONValue,
               quiz: () throws -> JSONValue = { .null }) throws -> [JSONValue] {
        let (durationMs, quizAtMs) = try lessonTimes()
        var results: [JSONValue] = []
        var step = 0
        func next(_ state: String) throws {
            seq += 1
            results.append(try beat(step, state))
            step += 1
        }
        func play(to targetMs: Int64, endState: String) throws {
            while positionMs < targetMs {
                let stepMs = min(10_000, targetMs - positionMs)
                try wait(ms: stepMs)
                positionMs += stepMs
                try next(positionMs >= targetMs ? endState : "playing")
            }
        }
        try next("playing")
        try play(to: quizAtMs, endState: "paused")
        if stopAtQuiz { return results }
        results.append(try quiz())
        try wait(ms: 1000)
        // Playback resumes where it paused.
        try next("playing")
        try play(to: durationMs, endState: "ended")
        return results
    }
}
