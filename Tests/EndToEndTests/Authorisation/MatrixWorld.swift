import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// The accounts, schools and params the authorisation matrix calls with.
final class MatrixWorld {
    let daemon: LiveDaemon
    let schoolA: Int64
    let schoolB: Int64
    let teacher: TestAccount
    let user: TestAccount
    let otherAdmin: TestAccount
    let scopedAdmin: TestAccount
    let spare: TestAccount
    let now: String
    /// The sample topic of the first start, and a lesson of it.
    let topicId: String
    let lessonId: String
    let topicDocument: JSONValue
    /// A complete enrolment form, its codes taken from `codes.list`.
    let form: JSONObject
    /// Phone and ID numbers in the clear; no non-operator reply may contain one.
    let secrets: [String]
    private var counter = 0

    init(daemon: LiveDaemon) throws {
        self.daemon = daemon
        schoolA = try daemon.schoolID("110101", "北京市第二中学")
        schoolB = try daemon.schoolID("110102", "北京市第四中学")
        teacher = try daemon.teacher("13300000001", name: "赵敏", schoolID: schoolA)
        user = try daemon.teacher("13300000002", name: "钱多", schoolID: schoolA, idNumber: "110101198501010025")
        otherAdmin = try daemon.register("13300000003")
        scopedAdmin = try daemon.register("13300000004")
        spare = try daemon.register("13300000005")
        for (account, school, county) in [(otherAdmin, schoolB, "110102"), (scopedAdmin, schoolA, "110101")] {
            try daemon.call("admin.grant", ["userId": .int64(account.userID), "role": "schoolAdmin", "scope": .int64(school)])
            try daemon.call("admin.grant", ["userId": .int64(account.userID), "role": "countyAdmin", "scope": .string(county)])
        }
        now = try #require(daemon.call("system.ping")["now"]?.stringValue)
        topicDocument = try JSONParser.parse(try String(contentsOf: Paths.file("contrib/topics/mh-2023-winter.json"), encoding: .utf8))
        topicId = try #require(topicDocument["id"]?.stringValue)
        let codes = try daemon.call("codes.list")
        var form: JSONObject = [
            "name": "钱多", "idType": "residentCard", "idNumber": "110101198501010025", "schoolId": .int64(schoolA),
            "isMentalHealthTeacher": true, "isHomeroomTeacher": false,
        ]
        // The ID number's 17th digit is even: a woman.
        form["gender"] = try #require(codes["gender"]?.arrayValue?.first { $0["label"]?.stringValue?.contains("女") == true }?["code"])
        for field in ["ethnicity", "politicalStatus", "education", "teacherType", "stage", "title", "subject"] {
            form[field] = try #require(codes[field]?.arrayValue?.first?["code"], "codes.list has no \(field)")
        }
        self.form = form
        lessonId = try #require(topicDocument["courses"]?.arrayValue?.first?["lessons"]?.arrayValue?.first?["id"]?.stringValue)
        secrets = ["13300000001", "13300000002", "13300000003", "13300000004", "13300000005", "110101199003071233", "110101198501010025"]
    }

    func account(of role: MatrixRole) -> TestAccount? {
        switch role {
        case .user: user
        case .otherAdmin: otherAdmin
        case .scopedAdmin: scopedAdmin
        case .anonymous, .operator: nil
        }
    }

    /// A new session of the role's account, so that calls ending sessions touch no other call.
    func freshSession(_ role: MatrixRole) throws -> String? {
        guard let account = account(of: role) else { return nil }
        return try #require(daemon.call("account.login", ["phone": .string(account.phone), "password": .string(account.password)])["session"]?.stringValue)
    }

    func freshPhone() -> String {
        counter += 1
        return "1770000\(String(format: "%04d", counter))"
    }

    func freshSchoolName() -> String {
        counter += 1
        let digits = Array("零一二三四五六七八九")
        return "矩阵" + String(String(counter).map { digits[Int(String($0))!] }) + "学校"
    }

    /// The params of one call: the method's own samples, then samples by param name for the
    /// rest of the required params; nil when a required param has no sample (the test fails).
    /// Params that ask for phone and ID numbers in the clear (operators only).
    static let revealParams: Set<String> = ["unmasked", "revealNumbers"]

    func params(for method: JSONValue, role: MatrixRole, reveal: String?) throws -> JSONObject? {
        guard let name = method["name"]?.stringValue else { return nil }
        var params = try specific(name, role: role)
        for param in method["params"]?.arrayValue ?? [] {
            guard let key = param["name"]?.stringValue, params[key] == nil else { continue }
            if key == "session" {
                if let session = try freshSession(role) { params["session"] = .string(session) }
                continue
            }
            guard param["required"] == true else { continue }
            guard let value = sample(key, schema: param["schema"] ?? .null) else { return nil }
            params[key] = value
        }
        if let reveal { params[reveal] = true }
        return params
    }

    private func specific(_ method: String, role: MatrixRole) throws -> JSONObject {
        switch method {
        case "account.login": ["phone": .string(user.phone), "password": .string(user.password)]
        case "account.changePassword":
            ["oldPassword": .string(account(of: role)?.password ?? "secret123"), "newPassword": .string(account(of: role)?.password ?? "secret123")]
        case "account.resetPassword": ["newPassword": "secret123"]
        case "admin.grant", "admin.revoke": ["userId": .int64(spare.userID), "role": "schoolAdmin", "scope": .int64(schoolB)]
        case "account.rebindPhone":
            ["userId": .int64(spare.userID), "name": "孙悟", "idNumber": "110101199003071233", "oldPhone": .string(spare.phone),
             "newPhone": .string(freshPhone()), "ticket": "MATRIX-1"]
        case "account.get", "admin.list": ["userId": .int64(teacher.userID)]
        case "sms.outbox": ["phone": .string(teacher.phone)]
        case "admin.backup": ["path": .string(daemon.directory + "/matrix-backup-\(UUID().uuidString).sqlite")]
        case "testClock.set": ["time": .string(now)]
        case "testClock.advance", "testFault.stallWriter", "testFault.delaySessionFill": ["seconds": 0]
        case "system.setLogLevel": ["level": "info"]
        case "region.import": ["csv": "code,name,level,parentCode\n110101,东城区,county,110100\n"]
        case "school.import": ["csv": "code,name,regionCode\nS1101010001,北京市第二中学,110101\n"]
        case "school.search": ["regionCode": "110101"]
        case "school.create": ["regionCode": "110101", "name": .string(freshSchoolName())]
        case "school.verifyTeacher": ["mentalHealthTeacher": true, "homeroomTeacher": false]
        case "account.updateBasicInfo": ["name": "钱多", "teacherType": "staff", "schoolId": .int64(schoolA)]
        case "account.setIdentity": ["identity": "teacher", "nickname": "老师"]
        case "account.updateDetails": ["title": ""]
        case "certificate.verify", "certificate.inspect": ["serial": "YX-0000-0000-0"]
        case "certificate.revoke": ["serial": "YX-0000-0000-0", "reason": "矩阵测试"]
        case "topic.import": ["topic": topicDocument]
        case "topic.update": ["topicId": .string(topicId), "rules": ["maxRecognisedHours": 20]]
        case "enrollment.list": ["topicId": .string(topicId), "schoolId": .int64(schoolA)]
        case "enrollment.create": ["topicId": .string(topicId), "form": .object(form)]
        case "progress.heartbeat": ["playbackId": "p", "seq": 1, "positionMs": 0, "state": "playing", "rate": 1]
        default: [:]
        }
    }

    private func sample(_ key: String, schema: JSONValue) -> JSONValue? {
        switch key {
        case "userId": return .int64(teacher.userID)
        case "schoolId": return .int64(schoolA)
        case "regionCode": return "110101"
        case "phone", "newPhone": return .string(freshPhone())
        case "code", "oldCode", "newCode": return "123456"
        case "password": return "secret123"
        case "lessonId": return .string(lessonId)
        case "topicId": return .string(topicId)
        case "answers": return []
        default: break
        }
        if let first = schema["enum"]?.arrayValue?.first { return first }
        switch schema["type"]?.stringValue {
        case "string": return "x"
        case "integer", "number": return 1
        case "boolean": return true
        default: return nil
        }
    }
}
