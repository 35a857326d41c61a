import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("Progress, end to end through the socket on the test clock")
struct ProgressEndToEndTests {
    static let topic: JSONValue = "mh-2023-winter"

    /// A daemon inside the 2023 winter window with one enrolled teacher at 北京市第二中学.
    static func enrolledTeacher(_ daemon: LiveDaemon, phone: String, name: String = "张伟", idNumber: String = "110101199003071233", gender: String = "1") throws -> (TestAccount, Int64) {
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let teacher = try daemon.teacher(phone, name: name, schoolID: school, idNumber: idNumber)
        _ = try EnrollmentEndToEndTests.enroll(daemon, teacher, EnrollmentEndToEndTests.form(schoolID: school, name: name, idNumber: idNumber, gender: gender))
        return (teacher, school)
    }

    /// A fresh session (weeks of test-clock time outlive the sliding 7-day expiry of the old one).
    static func login(_ daemon: LiveDaemon, _ account: TestAccount) throws -> String {
        try #require(try daemon.call("account.login", ["phone": .string(account.phone), "password": .string(account.password)])["session"]?.stringValue)
    }

    static func inWindow(_ daemon: LiveDaemon) throws {
        try daemon.call("testClock.set", ["time": "2023-01-20T09:00:00+08:00"])
    }

    @Test("honest viewing with lost heartbeats, late arrivals, a pause for the quiz and a rewind earns the lesson")
    func honestViewing() throws {
        let daemon = try LiveDaemon()
        try Self.inWindow(daemon)
        let (teacher, _) = try Self.enrolledTeacher(daemon, phone: "13200000001")
        let player = try ProgressPlayer(daemon: daemon, session: teacher.session, lessonId: "c01-l02")
        let first = try player.beat()
        #expect(first["verdict"] == "start")
        let atQuiz = try player.play(to: 990, jitter: 2, lossPercent: 15)
        #expect(atQuiz["quizReached"] == true)
        #expect(atQuiz["coverageBeforeQuizMs"]?.int64Value ?? 0 >= 987_000)
        let quiz = try player.submitQuiz(daemon: daemon)
        #expect(quiz["passed"] == true)
        try player.wait(ms: 30_000)
        try player.play(to: 1200, jitter: 2, lossPercent: 10, endState: "playing")
        player.positionMs = 1_150_000
        try player.wait(ms: 1000)
        let rewind = try player.beat()
        #expect(rewind["verdict"] == "rewind")
        #expect(rewind["creditedMs"] == 0)
        let end = try player.play(to: 1500, jitter: 2, lossPercent: 10, endState: "ended")
        #expect(end["completed"] == true)
        #expect(end["quizPassed"] == true)

        let summary = try daemon.call("progress.summary", ["session": .string(teacher.session), "topicId": Self.topic])
        let lesson = summary["lessons"]?.arrayValue?.first { $0["lessonId"] == "c01-l02" }
        #expect(lesson?["status"] == "completed")
        #expect(summary["learnedHours"]?.doubleValue == 1)
        #expect((summary["studySeconds"]?.int64Value ?? 0) >= 1490)
        // Not verified yet: hours learned, none recognised, and the summary says why.
        #expect(summary["recognisedHours"]?.doubleValue == 0)
        #expect(summary["missing"]?["reason"] == "credit.no_verified_role")
    }

    @Test("each known cheat earns nothing and says why")
    func cheats() throws {
        let daemon = try LiveDaemon()
        try Self.inWindow(daemon)
        let (teacher, _) = try Self.enrolledTeacher(daemon, phone: "13200000002")
        let player = try ProgressPlayer(daemon: daemon, session: teacher.session, lessonId: "c01-l02")
        try player.beat()
        try player.wait(ms: 10_000)

        // Jumping near the end.
        player.positionMs = 1_490_000
        let seek = try player.beat()
        #expect(seek["verdict"] == "seek" && seek["creditedMs"] == 0 && seek["completed"] == false)

        // Faster than real time, but a player could do it at 16x.
        player.positionMs = 100_000
        _ = try player.beat()
        try player.wait(ms: 10_000)
        player.positionMs = 150_000
        let fast = try player.beat()
        let fastSeq = player.seq
        #expect(fast["verdict"] == "too_fast" && fast["creditedMs"] == 0)

        // Positions beyond the video and rates above the topic's maximum are invalid params.
        let beyond = rpcError { try player.beat(positionMs: 1_600_000) }
        #expect(beyond?.code == -32602 && beyond?.fieldReasons["positionMs"] != nil)
        let rate = rpcError { try player.beat(rate: 2.0) }
        #expect(rate?.code == -32602 && rate?.fieldReasons["rate"] != nil)

        // A replayed sequence number changes nothing.
        let replay = try player.send(seq: fastSeq, positionMs: player.positionMs)
        #expect(replay["verdict"] == "duplicate" && replay["creditedMs"] == 0)

        // A second lesson while this one plays.
        let other = try ProgressPlayer(daemon: daemon, session: teacher.session, lessonId: "c01-l03", playbackId: "other")
        let concurrent = rpcError { try other.beat() }
        #expect(concurrent?.code == 409 && concurrent?.reason == "playback.concurrent")

        // Watching after the quiz point before passing the quiz.
        player.positionMs = 1_000_000
        _ = try player.beat()
        try player.wait(ms: 10_000)
        player.positionMs = 1_010_000
        let early = try player.beat()
        #expect(early["verdict"] == "after_quiz_before_pass")
        #expect(early["coverageAfterQuizMs"] == 0)

        // Outside the window.
        try daemon.call("testClock.set", ["time": "2023-03-01T00:00:00+08:00"])
        player.session = try Self.login(daemon, teacher)
        let closed = rpcError { try player.beat() }
        #expect(closed?.code == 412 && closed?.reason == "topic.window_closed", "\(String(describing: closed))")

        // Without enrolment.
        try Self.inWindow(daemon)
        let session = try Self.login(daemon, teacher)
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let stranger = try daemon.teacher("13200000003", name: "李娜", schoolID: school, idNumber: "110101198805124566")
        let unenrolled = rpcError { try ProgressPlayer(daemon: daemon, session: stranger.session, lessonId: "c01-l02").beat() }
        #expect(unenrolled?.code == 412 && unenrolled?.reason == "enrollment.required")

        // A quiz before its point.
        let notReached = rpcError { try ProgressPlayer(daemon: daemon, session: session, lessonId: "c02-l01").submitQuiz(daemon: daemon) }
        #expect(notReached?.code == 412 && notReached?.reason == "quiz.not_reached")

        let summary = try daemon.call("progress.summary", ["session": .string(session), "topicId": Self.topic])
        #expect(summary["learnedHours"]?.doubleValue == 0)
        let journal = try daemon.call("progress.heartbeats", ["userId": .int64(teacher.userID), "lessonId": "c01-l02"])["heartbeats"]?.arrayValue ?? []
        #expect(journal.contains { $0["verdict"] == "seek" } && journal.contains { $0["verdict"] == "too_fast" })
    }

    /// The lesson ids of the topic in order.
    static func lessonIds(_ daemon: LiveDaemon) throws -> [String] {
        let courses = try daemon.call("course.list", ["topicId": topic])["courses"]?.arrayValue ?? []
        return courses.flatMap { ($0["lessons"]?.arrayValue ?? []).compactMap { $0["lessonId"]?.stringValue } }
    }

    @Test("hours follow the verified roles: homeroom minimum 10, mental-health minimum 15, verification after completion, the cap of 20")
    func hoursAndRoles() throws {
        let daemon = try LiveDaemon()
        try Self.inWindow(daemon)
        let lessons = try Self.lessonIds(daemon)
        #expect(lessons.count >= 21)
        let (teacher, school) = try Self.enrolledTeacher(daemon, phone: "13200000011")
        let player = try ProgressPlayer(daemon: daemon, session: teacher.session, lessonId: lessons[0])
        for lesson in lessons.prefix(10) {
            let end = try player.complete(lesson, daemon: daemon)
            #expect(end["completed"] == true, "lesson \(lesson)")
        }
        func summary() throws -> JSONValue { try daemon.call("progress.summary", ["session": .string(teacher.session), "topicId": Self.topic]) }

        var now = try summary()
        #expect(now["learnedHours"]?.doubleValue == 10 && now["recognisedHours"]?.doubleValue == 0 && now["qualifies"] == false)
        #expect(now["missing"]?["reason"] == "credit.no_verified_role")

        // Verified as a mental-health teacher only: 10 lessons are 5 short of that role's minimum.
        try daemon.call("school.verifyTeacher", ["schoolId": .int64(school), "userId": .int64(teacher.userID), "mentalHealthTeacher": true, "homeroomTeacher": false])
        now = try summary()
        #expect(now["qualifies"] == false && now["recognisedHours"]?.doubleValue == 0)
        #expect(now["missing"]?["reason"] == "credit.more_lessons")

        // Verified (after completing) as a homeroom teacher too: the smaller minimum is met.
        try daemon.call("school.removeTeacher", ["schoolId": .int64(school), "userId": .int64(teacher.userID)])
        try daemon.call("account.updateBasicInfo", [
            "session": .string(teacher.session), "name": "张伟", "teacherType": "staff", "schoolId": .int64(school),
            "isMentalHealthTeacher": true, "isHomeroomTeacher": true,
        ])
        try daemon.call("school.verifyTeacher", ["schoolId": .int64(school), "userId": .int64(teacher.userID), "mentalHealthTeacher": true, "homeroomTeacher": true])
        now = try summary()
        #expect(now["qualifies"] == true && now["recognisedHours"]?.doubleValue == 10)
        #expect(now["qualifyingRole"] == "homeroomTeacher")

        // Past 20 lessons, recognised hours stop at the cap.
        for lesson in lessons[10..<21] {
            _ = try player.complete(lesson, daemon: daemon)
        }
        now = try summary()
        #expect(now["learnedHours"]?.doubleValue == 21)
        #expect(now["recognisedHours"]?.doubleValue == 20)

        // After the window closes the teacher gets a certificate that anyone can verify.
        try daemon.call("testClock.set", ["time": "2023-03-01T00:00:00+08:00"])
        let issued = try daemon.call("certificate.issue", ["topicId": Self.topic])
        #expect(issued["issued"] == 1)
        let certificate = try daemon.call("certificate.get", ["session": .string(try Self.login(daemon, teacher)), "topicId": Self.topic])
        let document = try #require(certificate["document"])
        #expect(document["credentialSubject"]?["recognisedHours"]?.doubleValue == 20)
        #expect(try daemon.call("certificate.verify", ["document": document])["valid"] == true)
    }

    @Test("many teachers in parallel: every accepted heartbeat is reflected in their stored progress")
    func parallelTeachers() throws {
        let daemon = try LiveDaemon()
        try Self.inWindow(daemon)
        var teachers: [TestAccount] = []
        for n in 0..<8 {
            // Valid resident card numbers of men (odd 17th digit), as the form's gender says.
            let id = ["110101199003071233", "110101198805124531", "110101197512301237", "110101200001010133",
                      "110101199512120232", "110101198001010133", "110101198505050032", "110101199107070032"][n]
            let name = ["王一", "李二", "张三", "刘四", "陈五", "杨六", "赵七", "黄八"][n]
            teachers.append(try Self.enrolledTeacher(daemon, phone: "1320000010\(n)", name: name, idNumber: id).0)
        }
        let accepted = Counter()
        let sessions = teachers.map(\.session)
        for round in 0..<12 {
            DispatchQueue.concurrentPerform(iterations: sessions.count) { index in
                guard let player = try? ProgressPlayer(daemon: daemon, session: sessions[index], lessonId: "c01-l01") else { return }
                player.seq = Int64(round)
                player.positionMs = Int64(round) * 10_000
                if (try? player.beat())?["accepted"] == true { accepted.add() }
            }
            try daemon.advance(seconds: 10)
        }
        #expect(accepted.value == teachers.count * 12)
        for teacher in teachers {
            let summary = try daemon.call("progress.summary", ["session": .string(teacher.session), "topicId": Self.topic])
            let lesson = summary["lessons"]?.arrayValue?.first { $0["lessonId"] == "c01-l01" }
            #expect(lesson?["status"] == "watching")
            let journal = try daemon.call("progress.heartbeats", ["userId": .int64(teacher.userID), "lessonId": "c01-l01"])["heartbeats"]?.arrayValue ?? []
            #expect(journal.count == 12)
            #expect(journal.last?["positionMs"] == 110_000)
            #expect(summary["studySeconds"] == 110)
        }
    }
}

/// A thread-safe counter for tests that run work concurrently.
final class Counter: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
