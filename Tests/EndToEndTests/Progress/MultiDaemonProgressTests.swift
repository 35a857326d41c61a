import Foundation
import JSONRPC
import Locking
import Testing
import YanxiuClient

/// One teacher's heartbeats reaching two daemons on one PostgreSQL database, as a load balancer
/// sends them: every rule holds as if one daemon had served them all.
@Suite("Progress on two daemons sharing one database")
struct MultiDaemonProgressTests {
    static let lesson = "c01-l02"
    static let otherLesson = "c01-l03"

    /// Two daemons on one database inside the winter window, and `count` teachers enrolled through the first.
    static func group(teachers count: Int) throws -> (DaemonGroup, [TestAccount]) {
        let group = try DaemonGroup(count: 2)
        for daemon in group.daemons { try ProgressEndToEndTests.inWindow(daemon) }
        // Valid resident card numbers of men (odd 17th digit), as the form's gender says.
        let ids = ["110101199003071233", "110101197512301237", "110101200001010133", "110101198001010133"]
        let names = ["王一", "张三", "刘四", "杨六"]
        let teachers = try (0..<count).map { n in
            try ProgressEndToEndTests.enrolledTeacher(group[0], phone: "1320000020\(n)", name: names[n], idNumber: ids[n]).0
        }
        return (group, teachers)
    }

    /// A result without the instants in it, which differ between runs on different days.
    static func withoutTimes(_ value: JSONValue) -> JSONValue {
        guard var object = value.objectValue else { return value }
        object["firstPassedAt"] = nil
        object["at"] = nil
        return .object(object)
    }

    static func summary(_ group: DaemonGroup, _ teacher: TestAccount, on daemon: Int) throws -> JSONValue {
        try group[daemon].call("progress.summary", ["session": .string(teacher.session), "topicId": ProgressEndToEndTests.topic])
    }

    static func journal(_ group: DaemonGroup, _ teacher: TestAccount, lesson: String) throws -> [JSONValue] {
        let entries = try group[0].call("progress.heartbeats", ["userId": .int64(teacher.userID), "lessonId": .string(lesson)])["heartbeats"]?.arrayValue ?? []
        return entries.map(withoutTimes)
    }

    /// The whole lesson watched honestly with every call on daemon 0: what one daemon gives.
    static func onOneDaemon(_ group: DaemonGroup, _ teacher: TestAccount, day: String, stopAtQuiz: Bool = false) throws -> [JSONValue] {
        let player = try GroupPlayer(group, session: teacher.session, lessonId: lesson)
        try player.setClocks("2023-01-\(day)T09:00:00+08:00")
        return try player.watch(stopAtQuiz: stopAtQuiz, beat: { _, state in try player.send(to: 0, seq: player.seq, state: state) },
                                quiz: { try player.submitQuiz(to: 0) }).map(withoutTimes)
    }

    @Test("heartbeats alternated between two daemons earn exactly what one daemon gives; the quiz passes on the daemon that did not see its point; a replay on the other daemon is a duplicate")
    func alternated() throws {
        let (group, teachers) = try Self.group(teachers: 2)
        let expected = try Self.onOneDaemon(group, teachers[0], day: "21")
        #expect(expected.last?["completed"] == true)

        let player = try GroupPlayer(group, session: teachers[1].session, lessonId: Self.lesson)
        try player.setClocks("2023-01-22T09:00:00+08:00")
        var last = 0
        let results = try player.watch(beat: { step, state in
            last = step % 2
            return try player.send(to: last, seq: player.seq, state: state)
        }, quiz: { try player.submitQuiz(to: 1 - last) })
        #expect(results.map(Self.withoutTimes) == expected)

        // The last heartbeat again, and the one before it, each on the daemon that did not hear it.
        for replay in [try player.send(to: 1 - last, seq: player.seq), try player.send(to: last, seq: player.seq - 1)] {
            #expect(replay["verdict"] == "duplicate" && replay["creditedMs"] == 0)
        }
        for daemon in 0..<2 {
            #expect(try Self.summary(group, teachers[1], on: daemon) == Self.summary(group, teachers[0], on: 0))
        }
        #expect(try Self.journal(group, teachers[1], lesson: Self.lesson) == Self.journal(group, teachers[0], lesson: Self.lesson))
    }

    @Test("every heartbeat sent to both daemons at once is credited once: the other copy is a duplicate, and the credit is what one daemon gives")
    func interleavedConcurrently() throws {
        let (group, teachers) = try Self.group(teachers: 2)
        let expected = try Self.onOneDaemon(group, teachers[0], day: "21")

        let player = try GroupPlayer(group, session: teachers[1].session, lessonId: Self.lesson)
        try player.setClocks("2023-01-22T09:00:00+08:00")
        let results = try player.watch(beat: { _, state in
            let pair = try Self.atOnce { daemon in try player.send(to: daemon, seq: player.seq, state: state) }
            let credited = pair.filter { $0["verdict"] != "duplicate" }
            #expect(credited.count == 1, "\(pair)")
            return credited.first ?? pair[0]
        }, quiz: { try player.submitQuiz(to: 1) })
        #expect(results.map(Self.withoutTimes) == expected)
        #expect(try Self.summary(group, teachers[1], on: 1) == Self.summary(group, teachers[0], on: 0))
        #expect(try Self.journal(group, teachers[1], lesson: Self.lesson) == Self.journal(group, teachers[0], lesson: Self.lesson))
    }

    @Test("a lesson played on one daemon and another lesson on the other at the same time: the second earns nothing, the first what it earns alone")
    func parallelPlaybackAcrossDaemons() throws {
        let (group, teachers) = try Self.group(teachers: 2)
        let expected = try Self.onOneDaemon(group, teachers[0], day: "21", stopAtQuiz: true)

        let player = try GroupPlayer(group, session: teachers[1].session, lessonId: Self.lesson)
        let other = try GroupPlayer(group, session: teachers[1].session, lessonId: Self.otherLesson, playbackId: "pb-other")
        try player.setClocks("2023-01-22T09:00:00+08:00")
        var refusals: [String] = []
        let results = try player.watch(stopAtQuiz: true, beat: { step, state in
            // The first lesson pauses at its quiz point: from then on the other may play.
            guard state == "playing" else { return try player.send(to: 0, seq: player.seq, state: state) }
            other.seq += 1
            let playOther: @Sendable () -> JSONValue = { .string(Self.refusal { try other.send(to: 1, seq: other.seq) } ?? "accepted") }
            // The first lesson starts first; after that both tabs post at the same moment.
            let pair = step == 0
                ? [try player.send(to: 0, seq: player.seq, state: state), playOther()]
                : try Self.atOnce { daemon in daemon == 0 ? try player.send(to: 0, seq: player.seq, state: state) : playOther() }
            refusals.append(pair[1].stringValue ?? "")
            return pair[0]
        })
        #expect(results.map(Self.withoutTimes) == expected)
        #expect(refusals.count == results.count - 1)
        #expect(refusals.allSatisfy { $0 == "playback.concurrent" }, "\(refusals)")
        let summary = try Self.summary(group, teachers[1], on: 1)
        #expect(try summary == Self.summary(group, teachers[0], on: 0))
        #expect(try Self.journal(group, teachers[1], lesson: Self.otherLesson).isEmpty)
    }

    /// Runs `call` for daemons 0 and 1 on two threads at once; returns their results in daemon order.
    static func atOnce(_ call: @Sendable (Int) throws -> JSONValue) throws -> [JSONValue] {
        let results = Locked<[Int: Result<JSONValue, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { daemon in
            let result = Result { try call(daemon) }
            results.withLock { $0[daemon] = result }
        }
        return try results.withLock { all in try (0..<2).map { try all[$0]!.get() } }
    }

    /// The reason of the refusal `call` met; nil when it was accepted.
    @Test("a window closed through one daemon holds on the other within a second, though the other has the lesson in memory")
    func windowClosedThroughTheOther() throws {
        let (group, teachers) = try Self.group(teachers: 1)
        let player = try GroupPlayer(group, session: teachers[0].session, lessonId: Self.lesson)
        try player.setClocks("2023-01-22T09:00:00+08:00")
        // Daemon 1 reads the lesson, its window and rules, and keeps them.
        #expect(try player.beat(to: 1)["verdict"] == "start")
        _ = try group[0].call("topic.update", ["topicId": ProgressEndToEndTests.topic, "window": ["end": "2023-01-22T08:00:00+08:00"]])
        let closed = Date()
        var refusal: String?
        while refusal == nil, Date().timeIntervalSince(closed) < 5 {
            refusal = Self.refusal { try player.beat(to: 1, "paused") }
            if refusal == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        let seconds = Date().timeIntervalSince(closed)
        #expect(refusal == "topic.window_closed")
        #expect(seconds < 1.2, "daemon 1 took \(seconds) s to see the window closed")
    }

    static func refusal(_ call: () throws -> JSONValue) -> String? {
        do {
            _ = try call()
            return nil
        } catch let error as RPCError {
            return error.reason
        } catch {
            return "\(error)"
        }
    }
}
