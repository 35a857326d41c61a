import Foundation
import JSONRPC
import YanxiuClient

/// The whole programme on the daemon's test clock, through the real API.
struct DemoRun {
    static let topic = "mh-2023-winter"
    let client: RPCClient
    let socketPath: String
    let yanxiuctl: String
    var teachers: [DemoTeacher]
    var schools: [DemoSchool]
    var narrator = Narrator()
    let password = "yanxiu2023"

    mutating func run() throws {
        narrator.section("Opening day: the clock is set inside the 2023 winter window")
        let now = try client.call("testClock.set", ["time": "2023-01-10T08:00:00+08:00"])
        narrator.detail("daemon time \(now["now"]?.stringValue ?? "?"); topic \(Self.topic): \(try topicLine())")
        try findSchools()
        try register()
        try completeProfiles()
        try enroll()
        try verify()
        try play()
        try closeWindow()
    }

    func topicLine() throws -> String {
        let topic = try client.call("topic.get", ["topicId": .string(Self.topic)])
        return "\(topic["title"]?.stringValue ?? "?"), \(topic["lessonCount"]?.int64Value ?? 0) lessons"
    }

    mutating func findSchools() throws {
        for index in schools.indices {
            let found = try client.call("school.search", ["regionCode": .string(schools[index].region), "query": .string(schools[index].name)])
            guard let id = found["schools"]?.arrayValue?.first(where: { $0["name"]?.stringValue == schools[index].name })?["schoolId"]?.int64Value else {
                throw DemoError("school \(schools[index].name) is not in the directory (was the sample directory loaded?)")
            }
            schools[index].id = id
        }
        for index in teachers.indices {
            teachers[index].school = schools.first { $0.name == teachers[index].school.name }!
        }
    }

    mutating func register() throws {
        narrator.section("\(teachers.count) teachers register with a phone, an SMS code and a password")
        for index in teachers.indices {
            let phone = teachers[index].phone
            _ = try client.call("sms.requestCode", ["phone": .string(phone), "purpose": "register"])
            let code = try lastCode(phone)
            let result = try client.call("account.register", [
                "phone": .string(phone), "code": .string(code), "password": .string(password), "agreeTerms": true,
            ])
            teachers[index].session = result["session"]?.stringValue ?? ""
            teachers[index].userID = result["userId"]?.int64Value ?? 0
            narrator.status("\(index + 1)/\(teachers.count) registered (code \(code) read from sms.outbox for \(phone))", final: index == teachers.count - 1)
        }
    }

    /// The newest code the built-in outbox holds for `phone`.
    func lastCode(_ phone: String) throws -> String {
        let text = try client.call("sms.outbox", ["phone": .string(phone)])["messages"]?.arrayValue?.first?["text"]?.stringValue ?? ""
        guard let match = text.range(of: #"\d{6}"#, options: .regularExpression) else { throw DemoError("no code in the outbox for \(phone)") }
        return String(text[match])
    }

    mutating func completeProfiles() throws {
        narrator.section("They choose the teacher identity, their school, and fill in their details")
        for teacher in teachers {
            let session = JSONValue.string(teacher.session)
            _ = try client.call("account.setIdentity", ["session": session, "identity": "teacher", "nickname": .string(teacher.name + "老师")])
            _ = try client.call("account.updateBasicInfo", [
                "session": session, "name": .string(teacher.name), "teacherType": "staff", "schoolId": .int64(teacher.school.id),
            ])
            _ = try client.call("account.updateDetails", [
                "session": session, "idType": "residentCard", "idNumber": .string(teacher.idNumber),
                "title": "first", "stage": "juniorHigh", "subject": "mentalHealth",
            ])
        }
        let bySchool = Dictionary(grouping: teachers, by: \.school.name).map { "\($0.key) \($0.value.count)" }.sorted()
        narrator.detail(bySchool.joined(separator: "，"))
    }

    mutating func enroll() throws {
        narrator.section("Each enrols in the topic with the enrolment form (立即报名)")
        var declared = (mentalHealth: 0, homeroom: 0)
        for teacher in teachers {
            let form: JSONObject = [
                "name": .string(teacher.name), "ethnicity": "01", "idType": "residentCard", "idNumber": .string(teacher.idNumber),
                "gender": teacher.male ? "1" : "2", "politicalStatus": "13", "education": "bachelor", "teacherType": "staff",
                "schoolId": .int64(teacher.school.id), "isMentalHealthTeacher": .bool(teacher.declaresMentalHealth),
                "isHomeroomTeacher": .bool(teacher.declaresHomeroom), "stage": "juniorHigh", "title": "first", "subject": "mentalHealth",
            ]
            _ = try client.call("enrollment.create", ["session": .string(teacher.session), "topicId": .string(Self.topic), "form": .object(form)])
            if teacher.declaresMentalHealth { declared.mentalHealth += 1 }
            if teacher.declaresHomeroom { declared.homeroom += 1 }
        }
        narrator.detail("\(teachers.count) enrolled; declared: \(declared.mentalHealth) mental-health teachers (心理健康教育教师), \(declared.homeroom) homeroom teachers (班主任)")
    }

    /// An administrator per school, granted by the operator, verifies most of the school's teachers.
    mutating func verify() throws {
        narrator.section("School administrators verify the roles their teachers declared")
        for index in schools.indices {
            let phone = String(teachers[0].phone.prefix(7)) + String(format: "9%03d", index)
            _ = try client.call("sms.requestCode", ["phone": .string(phone), "purpose": "register"])
            let admin = try client.call("account.register", [
                "phone": .string(phone), "code": .string(try lastCode(phone)), "password": .string(password), "agreeTerms": true,
            ])
            _ = try client.call("admin.grant", ["userId": admin["userId"] ?? .null, "role": "schoolAdmin", "scope": .string(String(schools[index].id))])
            schools[index].adminSession = admin["session"]?.stringValue ?? ""
        }
        var verified = 0
        for teacher in teachers where teacher.verified {
            let school = schools.first { $0.id == teacher.school.id }!
            _ = try client.call("school.verifyTeacher", [
                "session": .string(school.adminSession), "schoolId": .int64(school.id), "userId": .int64(teacher.userID),
                "mentalHealthTeacher": .bool(teacher.declaresMentalHealth), "homeroomTeacher": .bool(teacher.declaresHomeroom),
            ])
            verified += 1
        }
        narrator.detail("\(schools.count) administrators; \(verified) teachers verified, \(teachers.count - verified) left pending (they study, but earn no certificate)")
    }
}

struct DemoError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
