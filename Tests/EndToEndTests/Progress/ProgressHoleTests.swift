import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// Crediting holes found by reading the rules as a cheat would, through the real daemon.
@Suite("Progress holes: credit after the quiz, fragmented coverage")
struct ProgressHoleTests {
    static let topicID = "holes-1"

    /// One lesson of `durationSeconds` with its quiz at `quizAtSecond`, open over the whole test clock.
    static func topic(durationSeconds: Int64, quizAtSecond: Int64) -> JSONValue {
        [
            "id": .string(topicID), "title": "漏洞测试专题", "description": "test data",
            "window": ["start": "2000-01-01T00:00:00+08:00", "end": "2100-01-01T00:00:00+08:00"],
            "rules": ["minLessons": ["mentalHealthTeacher": 1, "homeroomTeacher": 1], "maxRecognisedHours": 20, "maxPlaybackRate": 1.0, "endToleranceSeconds": 3],
            "courses": [[
                "id": "c1", "title": "课程",
                "lessons": [[
                    "id": "h1", "title": "一节课", "durationSeconds": .int64(durationSeconds), "creditHours": 1,
                    "quiz": ["atSecond": .int64(quizAtSecond), "passMark": 0,
                             "questions": [["id": "q1", "prompt": "？", "kind": "single", "options": ["甲", "乙"], "answer": [1]]]],
                ]],
            ]],
        ]
    }

    /// A daemon with the topic imported and one enrolled teacher watching lesson h1.
    static func player(_ daemon: LiveDaemon, durationSeconds: Int64, quizAtSecond: Int64) throws -> ProgressPlayer {
        try daemon.call("topic.import", ["topic": topic(durationSeconds: durationSeconds, quizAtSecond: quizAtSecond)])
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let teacher = try daemon.teacher("13300000001", schoolID: school)
        try daemon.call("enrollment.create", ["session": .string(teacher.session), "topicId": .string(topicID), "form": EnrollmentEndToEndTests.form(schoolID: school)])
        return try ProgressPlayer(daemon: daemon, session: teacher.session, lessonId: "h1")
    }

    @Test("time waited at the quiz point before passing buys nothing after it (1500 s lesson, quiz at 900 s)")
    func waitBeforePass() throws {
        let daemon = try LiveDaemon()
        let player = try Self.player(daemon, durationSeconds: 1500, quizAtSecond: 900)
        let atQuiz = try player.play(to: 900, step: 10, endState: "playing")
        #expect(atQuiz["quizReached"] == true)
        try player.wait(ms: 295_000)
        #expect(try player.submitQuiz(daemon: daemon)["passed"] == true)
        try player.wait(ms: 1_000)
        let jump = try player.beat(positionMs: 1_195_000)
        // One second since the pass plus the 5 s jitter allowance, not the 295 s waited before it.
        #expect(jump["creditedMs"] == 6_000)
        #expect(jump["coverageAfterQuizMs"] == 6_000)
        // Honest viewing from there on still completes the lesson.
        player.positionMs = 900_000
        try player.wait(ms: 1_000)
        _ = try player.beat()
        let end = try player.play(to: 1500, step: 10, endState: "ended")
        #expect(end["completed"] == true)
    }

    @Test("10,000 heartbeats of alternating small rewinds keep one lesson's record small and the heartbeat fast")
    func fragmentation() throws {
        let daemon = try LiveDaemon()
        let player = try Self.player(daemon, durationSeconds: 20_000, quizAtSecond: 19_000)
        let client = try daemon.client()
        player.positionMs = 16_000_000
        _ = try player.beat()
        var credited: Int64 = 0
        var slowest = 0.0
        var latencies: [Double] = []
        for index in 1...10_000 {
            // Play 1 s, rewind 4 s: every second watched lands apart from the one before.
            player.positionMs += index % 2 == 0 ? 1_000 : -4_000
            _ = try client.call("testClock.advance", ["seconds": 1])
            let started = Date()
            let reply = try player.beat()
            let took = Date().timeIntervalSince(started)
            latencies.append(took)
            slowest = max(slowest, took)
            credited += reply["creditedMs"]?.int64Value ?? 0
        }
        #expect(credited == 256_000)
        let stored = StateFolder(directory: daemon.directory)
        let bytes = Int(try stored.value("SELECT length(state) FROM lesson_progress WHERE lesson_id = 'h1'")) ?? -1
        #expect(bytes > 0 && bytes < 4_096)
        let lastThousand = latencies.suffix(1_000).reduce(0, +) / 1_000
        let firstThousand = latencies.prefix(1_000).reduce(0, +) / 1_000
        latencies.sort()
        print("fragmentation: state \(bytes) bytes; heartbeat p50 \(latencies[5_000] * 1000) ms, p99 \(latencies[9_900] * 1000) ms, "
              + "max \(slowest * 1000) ms; mean of the first 1000 \(firstThousand * 1000) ms, of the last 1000 \(lastThousand * 1000) ms")
        // The heartbeat does not slow down as pieces pile up: the last thousand cost about what the first did.
        #expect(lastThousand < max(0.005, 3 * firstThousand))
    }
}
