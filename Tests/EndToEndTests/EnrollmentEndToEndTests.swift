import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("Enrolment, end to end through the real registration flow")
struct EnrollmentEndToEndTests {
    static let topic: JSONValue = "mh-2023-winter"

    /// The form as the teacher registered by `LiveDaemon.teacher` fills it in (a man, resident card).
    static func form(schoolID: Int64, name: String = "张伟", idNumber: String = "110101199003071233", gender: String = "1") -> JSONValue {
        [
            "name": .string(name), "ethnicity": "01", "idType": "residentCard", "idNumber": .string(idNumber), "gender": .string(gender),
            "politicalStatus": "13", "education": "master", "teacherType": "staff", "schoolId": .int64(schoolID),
            "isMentalHealthTeacher": true, "isHomeroomTeacher": false, "stage": "juniorHigh", "title": "first", "subject": "mentalHealth",
            "entryYear": 2012, "itAbility": "intermediate",
        ]
    }

    static func enroll(_ daemon: LiveDaemon, _ account: TestAccount, _ form: JSONValue) throws -> JSONValue {
        try daemon.call("enrollment.create", ["session": .string(account.session), "topicId": topic, "form": form])
    }

    @Test("a registered teacher enrols inside the window and only once; before and after it is refused")
    func windowAndRepeat() throws {
        let daemon = try LiveDaemon()
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let teacher = try daemon.teacher("13100000041", schoolID: school)
        let form = Self.form(schoolID: school)

        try daemon.call("testClock.set", ["time": "2023-01-08T23:59:59+08:00"])
        let early = rpcError { try Self.enroll(daemon, teacher, form) }
        #expect(early?.code == 412 && early?.reason == "enrollment.not_open")

        try daemon.call("testClock.set", ["time": "2023-01-09T00:00:00+08:00"])
        let enrolled = try Self.enroll(daemon, teacher, form)
        let id = try #require(enrolled["enrollmentId"]?.int64Value)
        let again = rpcError { try Self.enroll(daemon, teacher, form) }
        #expect(again?.code == 409 && again?.reason == "enrollment.exists")
        #expect(again?.data["enrollmentId"] == .int64(id))

        let got = try daemon.call("enrollment.get", ["session": .string(teacher.session), "topicId": Self.topic])
        #expect(got["enrollmentId"] == .int64(id) && got["schoolId"] == .int64(school))
        #expect(got["form"]?["idNumber"] == "11*****1233" && got["phone"] == "131****0041")
        #expect(got["verification"]?["status"] == "pending")

        try daemon.call("testClock.set", ["time": "2023-03-01T00:00:00+08:00"])
        let late = try daemon.teacher("13100000042", name: "李娜", schoolID: school, idNumber: "110101198805124566")
        let closed = rpcError { try Self.enroll(daemon, late, Self.form(schoolID: school, name: "李娜", idNumber: "110101198805124566", gender: "2")) }
        #expect(closed?.code == 412 && closed?.reason == "enrollment.window_closed")
    }

    @Test("a non-teacher cannot enrol; an incomplete form names its missing field")
    func nonTeacherAndIncompleteForm() throws {
        let daemon = try LiveDaemon()
        try daemon.call("testClock.set", ["time": "2023-01-20T10:00:00+08:00"])
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let parent = try daemon.register("13100000043")
        try daemon.call("account.setIdentity", ["session": .string(parent.session), "identity": "parent", "nickname": "家长"])
        let refused = rpcError { try Self.enroll(daemon, parent, Self.form(schoolID: school)) }
        #expect(refused?.code == 412 && refused?.reason == "enrollment.teacher_required")

        let teacher = try daemon.teacher("13100000044", schoolID: school)
        guard case .object(var form) = Self.form(schoolID: school) else { return }
        form["politicalStatus"] = nil
        form["ethnicity"] = "99"
        let invalid = rpcError { try Self.enroll(daemon, teacher, .object(form)) }
        #expect(invalid?.code == -32602)
        #expect(invalid?.fieldReasons == ["politicalStatus": "required", "ethnicity": "not_in_list"])
    }

    @Test("the form replaces an unverified profile's name only when asked; once verified, a differing name is refused with profile.locked")
    func profileAgreement() throws {
        let daemon = try LiveDaemon()
        try daemon.call("testClock.set", ["time": "2023-01-20T10:00:00+08:00"])
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let admin = try daemon.register("13100000045")
        try daemon.call("admin.grant", ["userId": .int64(admin.userID), "role": "schoolAdmin", "scope": .int64(school)])

        let unverified = try daemon.teacher("13100000046", name: "王芳", schoolID: school, idNumber: "110102199201012249")
        let renamed = Self.form(schoolID: school, name: "王芳芳", idNumber: "110102199201012249", gender: "2")
        let silent = rpcError { try Self.enroll(daemon, unverified, renamed) }
        #expect(silent?.code == 409 && silent?.reason == "enrollment.profile_differs" && silent?.fieldReasons == ["name": "differs"])
        _ = try daemon.call("enrollment.create", ["session": .string(unverified.session), "topicId": Self.topic, "form": renamed, "replaceProfile": true])
        #expect(try daemon.call("account.me", ["session": .string(unverified.session)])["name"] == "王芳芳")

        let verified = try daemon.teacher("13100000047", name: "赵敏", schoolID: school, idNumber: "110101198805124566")
        try daemon.call("school.verifyTeacher", [
            "session": .string(admin.session), "schoolId": .int64(school), "userId": .int64(verified.userID),
            "mentalHealthTeacher": true, "homeroomTeacher": false,
        ])
        let locked = rpcError { try Self.enroll(daemon, verified, Self.form(schoolID: school, name: "赵小敏", idNumber: "110101198805124566", gender: "2")) }
        #expect(locked?.code == 409 && locked?.reason == "profile.locked")
        #expect(locked?.fieldReasons == ["name": "locked"])
        let ok = try Self.enroll(daemon, verified, Self.form(schoolID: school, name: "赵敏", idNumber: "110101198805124566", gender: "2"))
        #expect(ok["verification"]?["status"] == "verified" && ok["verification"]?["mentalHealthTeacher"] == true)

        // The school's administrator sees both enrolments, not those of another school; yanxiuctl pages through them for an operator.
        let elsewhere = try daemon.schoolID("110101", "北京市第一六六中学")
        let stranger = try daemon.teacher("13100000049", name: "孙丽", schoolID: elsewhere, idNumber: "110101198506121234")
        _ = try Self.enroll(daemon, stranger, Self.form(schoolID: elsewhere, name: "孙丽", idNumber: "110101198506121234"))
        let listed = try daemon.call("enrollment.list", ["session": .string(admin.session), "topicId": Self.topic, "limit": 1])
        #expect(listed["total"] == 2 && listed["enrollments"]?.arrayValue?.count == 1 && listed["nextCursor"] != .null)
        let ctl = try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath, "enrollments", "list", "--topic", "mh-2023-winter", "--school", "\(school)", "--page-size", "1"])
        #expect(ctl.status == 0)
        #expect(ctl.output.contains("王芳芳") && ctl.output.contains("赵敏") && ctl.output.contains("2 enrolments"))
        let outsider = try daemon.register("13100000048")
        let forbidden = rpcError { try daemon.call("enrollment.list", ["session": .string(outsider.session), "topicId": Self.topic]) }
        #expect(forbidden?.code == 403 && forbidden?.reason == "auth.forbidden")
    }
}
