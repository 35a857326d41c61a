import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// Holes of school scope, verification, the profile lock and identity switches, tried through
/// the real daemon as a hostile or unlucky user would.
@Suite("Membership holes: moved teachers, self-verification, the lock, identity switches, the form, county administrators")
struct MembershipHoleTests {
    static let topic: JSONValue = "mh-2023-winter"

    static func inWindow(_ daemon: LiveDaemon) throws {
        try daemon.call("testClock.set", ["time": "2023-01-20T09:00:00+08:00"])
    }

    /// A new account granted administration of `scope`.
    static func admin(_ daemon: LiveDaemon, _ phone: String, role: String = "schoolAdmin", scope: JSONValue) throws -> TestAccount {
        let admin = try daemon.register(phone)
        try daemon.call("admin.grant", ["userId": .int64(admin.userID), "role": .string(role), "scope": scope])
        return admin
    }

    static func enroll(_ daemon: LiveDaemon, _ teacher: TestAccount, school: Int64, name: String = "张伟", idNumber: String = "110101199003071233",
                      gender: String = "1", homeroom: Bool = false, replace: Bool? = nil) throws -> JSONValue {
        guard case .object(var form) = EnrollmentEndToEndTests.form(schoolID: school, name: name, idNumber: idNumber, gender: gender) else { return .null }
        form["isHomeroomTeacher"] = .bool(homeroom)
        var params: JSONObject = ["session": .string(teacher.session), "topicId": topic, "form": .object(form)]
        if let replace { params["replaceProfile"] = .bool(replace) }
        return try daemon.call("enrollment.create", params)
    }

    static func listed(_ daemon: LiveDaemon, _ admin: TestAccount) throws -> [Int64] {
        let list = try daemon.call("enrollment.list", ["session": .string(admin.session), "topicId": topic])
        return (list["enrollments"]?.arrayValue ?? []).compactMap { $0["userId"]?.int64Value ?? $0["accountId"]?.int64Value }
    }

    @Test("a teacher who moves school is seen, listed and counted at the new school only, with the form following")
    func movedTeacher() throws {
        let daemon = try LiveDaemon()
        try Self.inWindow(daemon)
        let schoolA = try daemon.schoolID("110101", "北京市第二中学")
        let schoolB = try daemon.schoolID("110102", "北京市第四中学")
        let adminA = try Self.admin(daemon, "13400000001", scope: .int64(schoolA))
        let adminB = try Self.admin(daemon, "13400000002", scope: .int64(schoolB))
        let teacher = try daemon.teacher("13400000003", schoolID: schoolA)
        _ = try Self.enroll(daemon, teacher, school: schoolA)
        #expect(try daemon.call("enrollment.list", ["session": .string(adminA.session), "topicId": Self.topic])["total"] == 1)

        try daemon.call("account.updateBasicInfo", ["session": .string(teacher.session), "name": "张伟", "teacherType": "staff", "schoolId": .int64(schoolB)])
        let atA = try daemon.call("enrollment.list", ["session": .string(adminA.session), "topicId": Self.topic])
        #expect(atA["total"] == 0 && atA["enrollments"]?.arrayValue?.isEmpty == true)
        let atB = try daemon.call("enrollment.list", ["session": .string(adminB.session), "topicId": Self.topic])
        #expect(atB["total"] == 1)
        let listed = try #require(atB["enrollments"]?.arrayValue?.first)
        #expect(listed["schoolId"] == .int64(schoolB) && listed["form"]?["schoolId"] == .int64(schoolB))
        #expect(listed["verification"]?["status"] == "pending")
        let own = try daemon.call("enrollment.get", ["session": .string(teacher.session), "topicId": Self.topic])
        #expect(own["schoolId"] == .int64(schoolB) && own["form"]?["schoolId"] == .int64(schoolB))
        let pendingB = try daemon.call("school.pendingTeachers", ["session": .string(adminB.session), "schoolId": .int64(schoolB)])["teachers"]?.arrayValue ?? []
        #expect(pendingB.map { $0["userId"]?.int64Value } == [teacher.userID])
        #expect(pendingB.first?["declared"]?["mentalHealthTeacher"] == true)

        // Reports count the teacher where they are a member: B, never A.
        let reportA = try daemon.call("report.topic", ["session": .string(adminA.session), "topicId": Self.topic, "groupBy": "school"])
        #expect(reportA["total"]?["enrolled"] == 0)
        let reportB = try daemon.call("report.topic", ["session": .string(adminB.session), "topicId": Self.topic, "groupBy": "school"])
        #expect(reportB["total"]?["enrolled"] == 1 && reportB["total"]?["declaredMentalHealth"] == 1)
        let everything = try daemon.call("report.topic", ["topicId": Self.topic, "groupBy": "school"])["rows"]?.arrayValue ?? []
        #expect(everything.map { $0["key"] } == [.string(String(schoolB))])

        // Verified by B; a removed teacher is nobody's to list until they are a member again.
        try daemon.call("school.verifyTeacher", ["session": .string(adminB.session), "schoolId": .int64(schoolB), "userId": .int64(teacher.userID),
                                                 "mentalHealthTeacher": true, "homeroomTeacher": false])
        #expect(try daemon.call("report.topic", ["session": .string(adminB.session), "topicId": Self.topic, "groupBy": "school"])["total"]?["verifiedMentalHealth"] == 1)
        try daemon.call("school.removeTeacher", ["session": .string(adminB.session), "schoolId": .int64(schoolB), "userId": .int64(teacher.userID)])
        #expect(try daemon.call("enrollment.list", ["session": .string(adminB.session), "topicId": Self.topic])["total"] == 0)
    }

    @Test("nobody verifies or removes themselves; undeclared roles are refused; every refusal is audited")
    func selfVerification() throws {
        let daemon = try LiveDaemon()
        try Self.inWindow(daemon)
        let school = try daemon.schoolID("110101", "北京市第二中学")
        // The administrator is also a teacher of the school, enrolled as a mental-health teacher.
        let admin = try daemon.teacher("13400000011", name: "王芳", schoolID: school, idNumber: "110102199201012249")
        try daemon.call("admin.grant", ["userId": .int64(admin.userID), "role": "schoolAdmin", "scope": .int64(school)])
        _ = try Self.enroll(daemon, admin, school: school, name: "王芳", idNumber: "110102199201012249", gender: "2")
        let verifySelf: JSONObject = ["session": .string(admin.session), "schoolId": .int64(school), "userId": .int64(admin.userID),
                                      "mentalHealthTeacher": true, "homeroomTeacher": false]
        let refused = rpcError { try daemon.call("school.verifyTeacher", verifySelf) }
        #expect(refused?.code == 403 && refused?.reason == "auth.self_verification")
        #expect(try daemon.call("account.me", ["session": .string(admin.session)])["membership"]?["status"] == "pending")
        let removeSelf = rpcError {
            try daemon.call("school.removeTeacher", ["session": .string(admin.session), "schoolId": .int64(school), "userId": .int64(admin.userID)])
        }
        #expect(removeSelf?.code == 403 && removeSelf?.reason == "auth.self_verification")

        // A role not declared is refused; the declared one is verified by another administrator of the school.
        let colleague = try Self.admin(daemon, "13400000012", scope: .int64(school))
        let undeclared = rpcError {
            try daemon.call("school.verifyTeacher", ["session": .string(colleague.session), "schoolId": .int64(school), "userId": .int64(admin.userID),
                                                     "mentalHealthTeacher": true, "homeroomTeacher": true])
        }
        #expect(undeclared?.code == 409 && undeclared?.reason == "member.role_not_declared")
        #expect(undeclared?.fieldReasons == ["homeroomTeacher": "notDeclared"])
        // An account that administers nothing here is refused, and that is audited too.
        let teacher = try daemon.teacher("13400000013", schoolID: school)
        var byTeacher = verifySelf
        byTeacher["session"] = .string(teacher.session)
        #expect(rpcError { try daemon.call("school.verifyTeacher", byTeacher) }?.reason == "auth.forbidden")
        var byColleague = verifySelf
        byColleague["session"] = .string(colleague.session)
        #expect(try daemon.call("school.verifyTeacher", byColleague)["status"] == "verified")

        let refusals = try daemon.call("audit.list", ["target": .string("account:\(admin.userID)")])["entries"]?.arrayValue ?? []
        let actions = refusals.compactMap { entry -> String? in
            guard let action = entry["action"]?.stringValue, action.hasSuffix(".refused") else { return nil }
            return action + ":" + (entry["detail"]?["reason"]?.stringValue ?? "")
        }
        #expect(actions == ["school.verifyTeacher.refused:auth.forbidden", "school.verifyTeacher.refused:member.role_not_declared",
                            "school.removeTeacher.refused:auth.self_verification", "school.verifyTeacher.refused:auth.self_verification"])
    }

    @Test("a teacher verified before entering an ID number fills it in once, enrols, and cannot change it afterwards")
    func verifiedWithoutID() throws {
        let daemon = try LiveDaemon()
        try Self.inWindow(daemon)
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let admin = try Self.admin(daemon, "13400000021", scope: .int64(school))
        func skipDetails(_ phone: String, name: String) throws -> TestAccount {
            let account = try daemon.register(phone)
            try daemon.call("account.setIdentity", ["session": .string(account.session), "identity": "teacher", "nickname": "老师"])
            try daemon.call("account.updateBasicInfo", ["session": .string(account.session), "name": .string(name), "teacherType": "staff",
                                                        "schoolId": .int64(school), "isMentalHealthTeacher": true])
            try daemon.call("school.verifyTeacher", ["session": .string(admin.session), "schoolId": .int64(school), "userId": .int64(account.userID),
                                                     "mentalHealthTeacher": true, "homeroomTeacher": false])
            return account
        }
        // Through the enrolment form.
        let first = try skipDetails("13400000022", name: "张伟")
        let enrolled = try Self.enroll(daemon, first, school: school)
        #expect(enrolled["verification"]?["status"] == "verified")
        #expect(try daemon.call("account.me", ["session": .string(first.session)])["idNumber"] == "11*****1233")

        // Through the details form; then the verified value is locked.
        let second = try skipDetails("13400000023", name: "李娜")
        let filled = try daemon.call("account.updateDetails", ["session": .string(second.session), "idType": "residentCard", "idNumber": "110101198805124566"])
        #expect(filled["idNumber"] == "11*****4566" && filled["profileLocked"] == true)
        let changed = rpcError { try daemon.call("account.updateDetails", ["session": .string(second.session), "idType": "residentCard", "idNumber": "110101199003071233"]) }
        #expect(changed?.code == 409 && changed?.reason == "profile.locked")
        let cleared = rpcError { try daemon.call("account.updateDetails", ["session": .string(second.session), "idType": "", "idNumber": ""]) }
        #expect(cleared?.reason == "profile.locked")
        let audited = try daemon.audit("account.lockedFieldFilled")
        #expect(audited.count == 2)
        #expect(Set(audited.compactMap { $0["detail"]?["via"]?.stringValue }) == ["enrollment.create", "account.updateDetails"])
    }

    @Test("a teacher who leaves the teacher identity stops earning; coming back restores the form's roles, pending")
    func identitySwitch() throws {
        let daemon = try LiveDaemon()
        try Self.inWindow(daemon)
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let teacher = try daemon.teacher("13400000031", schoolID: school)
        _ = try Self.enroll(daemon, teacher, school: school, homeroom: true)
        let player = try ProgressPlayer(daemon: daemon, session: teacher.session, lessonId: "c01-l02")
        #expect(try player.play(to: 60, endState: "playing")["verdict"] == "credited")

        try daemon.call("account.setIdentity", ["session": .string(teacher.session), "identity": "student", "nickname": "学生"])
        try player.wait(ms: 10_000)
        player.positionMs += 10_000
        let refused = rpcError { try player.beat() }
        #expect(refused?.code == 412 && refused?.reason == "enrollment.teacher_required")
        let summary = try daemon.call("progress.summary", ["session": .string(teacher.session), "topicId": Self.topic])
        #expect((summary["studySeconds"]?.int64Value ?? 0) <= 60)

        try daemon.call("account.setIdentity", ["session": .string(teacher.session), "identity": "teacher", "nickname": "老师"])
        let back = try daemon.call("account.me", ["session": .string(teacher.session)])["membership"]
        #expect(back?["status"] == "pending")
        #expect(back?["declared"]?["mentalHealthTeacher"] == true && back?["declared"]?["homeroomTeacher"] == true)
        try player.wait(ms: 10_000)
        player.positionMs += 10_000
        #expect(rpcError { try player.beat() } == nil)
    }

    @Test("the form fills title, stage and subject; a differing value is replaced only when asked, and audited")
    func formAndProfile() throws {
        let daemon = try LiveDaemon()
        try Self.inWindow(daemon)
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let teacher = try daemon.teacher("13400000041", name: "王芳", schoolID: school, idNumber: "110102199201012249")
        try daemon.call("account.updateDetails", ["session": .string(teacher.session), "title": "senior"])
        guard case .object(var form) = EnrollmentEndToEndTests.form(schoolID: school, name: "王芳芳", idNumber: "110102199201012249", gender: "2") else { return }
        var params: JSONObject = ["session": .string(teacher.session), "topicId": Self.topic, "form": .object(form)]
        let differs = rpcError { try daemon.call("enrollment.create", params) }
        #expect(differs?.code == 409 && differs?.reason == "enrollment.profile_differs")
        #expect(differs?.fieldReasons == ["name": "differs", "title": "differs"])
        #expect(try daemon.call("account.me", ["session": .string(teacher.session)])["name"] == "王芳")

        form["title"] = "senior"
        params["form"] = .object(form)
        params["replaceProfile"] = true
        _ = try daemon.call("enrollment.create", params)
        let me = try daemon.call("account.me", ["session": .string(teacher.session)])
        #expect(me["name"] == "王芳芳" && me["title"] == "senior" && me["stage"] == "juniorHigh" && me["subject"] == "mentalHealth")
        let audited = try daemon.audit("account.profileFromEnrollment")
        #expect(audited.first?["detail"]?["replaced"] == ["name"])
        #expect(audited.first?["detail"]?["filled"] == ["stage", "subject"])

        // Later edits of the profile and the declarations reach the form: it never holds a stale copy.
        try daemon.call("account.updateDetails", ["session": .string(teacher.session), "stage": "primary"])
        try daemon.call("account.updateBasicInfo", ["session": .string(teacher.session), "name": "王小芳", "teacherType": "staff",
                                                    "schoolId": .int64(school), "isHomeroomTeacher": true])
        let enrolled = try daemon.call("enrollment.get", ["session": .string(teacher.session), "topicId": Self.topic])["form"]
        #expect(enrolled?["stage"] == "primary" && enrolled?["name"] == "王小芳" && enrolled?["title"] == "senior")
        #expect(enrolled?["isHomeroomTeacher"] == true && enrolled?["isMentalHealthTeacher"] == true)
    }

    @Test("a county administrator drives the manual's flow: teacher at 其他, school added, teacher moves, verified")
    func countyAdministrator() throws {
        let daemon = try LiveDaemon()
        try Self.inWindow(daemon)
        let other = try #require(try daemon.call("school.search", ["regionCode": "110101", "query": "其他"])["schools"]?.arrayValue?
            .first { $0["isOther"] == true }?["schoolId"]?.int64Value)
        let county = try Self.admin(daemon, "13400000051", role: "countyAdmin", scope: "110101")
        let elsewhere = try Self.admin(daemon, "13400000052", role: "countyAdmin", scope: "110102")
        let teacher = try daemon.teacher("13400000053", schoolID: other)
        _ = try Self.enroll(daemon, teacher, school: other)

        let waiting = try daemon.call("school.pendingTeachers", ["session": .string(county.session), "schoolId": .int64(other)])["teachers"]?.arrayValue ?? []
        #expect(waiting.map { $0["userId"]?.int64Value } == [teacher.userID])
        let outside = rpcError { try daemon.call("school.pendingTeachers", ["session": .string(elsewhere.session), "schoolId": .int64(other)]) }
        #expect(outside?.code == 403 && outside?.reason == "auth.forbidden")

        let created = try daemon.call("school.create", ["session": .string(county.session), "regionCode": "110101", "name": "北京市东城区新建学校"])
        let school = try #require(created["schoolId"]?.int64Value)
        try daemon.call("account.updateBasicInfo", ["session": .string(teacher.session), "name": "张伟", "teacherType": "staff", "schoolId": .int64(school)])
        let moved = try daemon.call("school.pendingTeachers", ["session": .string(county.session), "schoolId": .int64(school)])["teachers"]?.arrayValue ?? []
        #expect(moved.map { $0["userId"]?.int64Value } == [teacher.userID])
        let verified = try daemon.call("school.verifyTeacher", ["session": .string(county.session), "schoolId": .int64(school), "userId": .int64(teacher.userID),
                                                                "mentalHealthTeacher": true, "homeroomTeacher": false])
        #expect(verified["status"] == "verified")
        #expect(try daemon.call("enrollment.get", ["session": .string(teacher.session), "topicId": Self.topic])["verification"]?["status"] == "verified")
        #expect(rpcError {
            try daemon.call("school.removeTeacher", ["session": .string(elsewhere.session), "schoolId": .int64(school), "userId": .int64(teacher.userID)])
        }?.reason == "auth.forbidden")
        #expect(try daemon.call("school.removeTeacher", ["session": .string(county.session), "schoolId": .int64(school), "userId": .int64(teacher.userID)])["removed"] == true)
    }
}
