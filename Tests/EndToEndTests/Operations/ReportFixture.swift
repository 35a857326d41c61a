import Foundation
import JSONRPC
import YanxiuClient

/// A daemon with a small programme built through the API: four teachers in three counties, one
/// of whom qualifies; the window closed and certificates issued. Built once, read by many tests.
final class ReportFixture: @unchecked Sendable {
    // Read-only once built; the tests only read reports.
    let daemon: LiveDaemon
    var schools: [String: Int64] = [:]
    var teachers: [String: TestAccount] = [:]
    var admins: [String: TestAccount] = [:]

    static let shared = Result { try ReportFixture() }
    static let topic: JSONValue = "mh-2023-winter"

    /// name, school, region, ID number, gender, declared (MH, HR), verified?, lessons completed
    static let cast: [(String, String, String, String, String, (Bool, Bool), Bool, Int)] = [
        ("王芳", "北京市第二中学", "110101", "110101198805124566", "2", (false, true), true, 10),
        ("李伟", "北京市第二中学", "110101", "110101199003071233", "1", (true, false), true, 3),
        ("欧阳娜娜", "北京市第四中学", "110102", "110101199201010028", "2", (true, true), false, 1),
        ("张敏", "深圳中学", "440303", "110101198507070010", "1", (false, true), true, 0),
    ]

    private init() throws {
        daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        // A static is never deinitialised, so the shared daemon would outlive the test process.
        // At exit only a signal is sent: nothing that waits on Foundation, which may be gone by then.
        atexit {
            if case .success(let fixture) = ReportFixture.shared { kill(fixture.daemon.process.processIdentifier, SIGKILL) }
        }
        try daemon.call("testClock.set", ["time": "2023-01-10T08:00:00+08:00"])
        var players: [SimulatedPlayer] = []
        let lessons = try Self.lessons(daemon)
        for (index, person) in Self.cast.enumerated() {
            let (name, schoolName, region, idNumber, gender, declared, verified, completed) = person
            let school = try daemon.schoolID(region, schoolName)
            schools[schoolName] = school
            let teacher = try daemon.teacher(String(format: "1310000%04d", index), name: name, schoolID: school, idNumber: idNumber)
            teachers[name] = teacher
            try daemon.call("enrollment.create", ["session": .string(teacher.session), "topicId": Self.topic, "form": [
                "name": .string(name), "ethnicity": "01", "idType": "residentCard", "idNumber": .string(idNumber), "gender": .string(gender),
                "politicalStatus": "13", "education": "master", "teacherType": "staff", "schoolId": .int64(school),
                "isMentalHealthTeacher": .bool(declared.0), "isHomeroomTeacher": .bool(declared.1), "stage": "juniorHigh", "title": "first",
                "subject": "mentalHealth",
            ]])
            if verified {
                try daemon.call("school.verifyTeacher", [
                    "schoolId": .int64(school), "userId": .int64(teacher.userID), "mentalHealthTeacher": .bool(declared.0), "homeroomTeacher": .bool(declared.1),
                ])
            }
            players.append(SimulatedPlayer(session: teacher.session, behaviour: .honest, lessons: Array(lessons.prefix(completed))))
        }
        try LockstepPlayback(control: daemon.client(), viewers: daemon.client()).run(players)
        // Administrators: one of a county, one of a school; a teacher administers nothing.
        admins["东城区"] = try daemon.register("13200000001")
        try daemon.call("admin.grant", ["userId": .int64(admins["东城区"]!.userID), "role": "countyAdmin", "scope": "110101"])
        admins["深圳中学"] = try daemon.register("13200000002")
        try daemon.call("admin.grant", ["userId": .int64(admins["深圳中学"]!.userID), "role": "schoolAdmin", "scope": .int64(schools["深圳中学"]!)])
        try daemon.call("testClock.set", ["time": "2023-03-01T00:00:00+08:00"])
        try daemon.call("certificate.issue", ["topicId": Self.topic])
        // Weeks passed on the clock: everyone logs in again.
        for (key, account) in admins { admins[key]?.session = try login(account) }
        for (key, account) in teachers { teachers[key]?.session = try login(account) }
    }

    private func login(_ account: TestAccount) throws -> String {
        try daemon.call("account.login", ["phone": .string(account.phone), "password": .string(account.password)])["session"]?.stringValue ?? ""
    }

    static func lessons(_ daemon: LiveDaemon) throws -> [PlayerLesson] {
        let courses = try daemon.call("course.list", ["topicId": topic])["courses"]?.arrayValue ?? []
        let ids = courses.flatMap { $0["lessons"]?.arrayValue ?? [] }.compactMap { $0["lessonId"]?.stringValue }
        return try ids.compactMap { try PlayerLesson(daemon.call("lesson.get", ["lessonId": .string($0)])) }
    }

    /// `report.topic` as an operator, or with an administrator's session.
    func report(_ params: JSONObject) throws -> JSONValue {
        var params = params
        params["topicId"] = Self.topic
        return try daemon.call("report.topic", params)
    }

    /// yanxiuctl on this daemon.
    func yanxiuctl(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath] + arguments)
    }
}
