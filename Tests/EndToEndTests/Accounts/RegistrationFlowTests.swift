import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("Registration and the account forms, through the socket")
struct RegistrationFlowTests {
    @Test("the manual's flow: register, identity, basic information, details, school")
    func wholeFlow() throws {
        let daemon = try LiveDaemon()
        let sent = try daemon.call("sms.requestCode", ["phone": "+86 159-0000-6962", "purpose": "register"])
        #expect(sent["phone"] == "159****6962")
        let code = try daemon.lastCode("15900006962")
        let registered = try daemon.call("account.register", ["phone": "15900006962", "code": .string(code), "password": "abc12345", "agreeTerms": true])
        let session = try #require(registered["session"]?.stringValue)
        #expect(registered["userId"]?.int64Value != nil)
        #expect(registered["expiresAt"]?.stringValue != nil)

        try daemon.call("account.setIdentity", ["session": .string(session), "identity": "teacher", "nickname": "心理老师"])
        let school = try daemon.schoolID("110101", "北京市第二中学")
        try daemon.call("account.updateBasicInfo", [
            "session": .string(session), "name": "王芳", "teacherType": "staff", "schoolId": .int64(school), "isHomeroomTeacher": true,
        ])
        let me = try daemon.call("account.updateDetails", [
            "session": .string(session), "idType": "residentCard", "idNumber": "44030519881231108x",
            "title": "first", "stage": "juniorHigh", "subject": "mentalHealth",
        ])
        #expect(me["identity"] == "teacher")
        #expect(me["nickname"] == "心理老师")
        #expect(me["name"] == "王芳")
        #expect(me["school"]?["name"] == "北京市第二中学")
        #expect(me["phone"] == "159****6962")
        #expect(me["idNumber"] == "44*****108X")
        #expect(me["membership"]?["status"] == "pending")
        #expect(me["membership"]?["declared"]?["homeroomTeacher"] == true)
        #expect(me["profileLocked"] == false)
        // The same account, read again: masked for everyone by default, in full for an operator who asks.
        #expect(try daemon.call("account.me", ["session": .string(session)])["idNumber"] == "44*****108X")
        let full = try daemon.call("account.me", ["session": .string(session), "unmasked": true])
        #expect(full["phone"] == "15900006962")
        #expect(full["idNumber"] == "44030519881231108X")
    }

    @Test("details may be skipped and completed later")
    func detailsLater() throws {
        let daemon = try LiveDaemon()
        let account = try daemon.register("13800000001")
        try daemon.call("account.setIdentity", ["session": .string(account.session), "identity": "teacher", "nickname": "新老师"])
        let me = try daemon.call("account.updateDetails", ["session": .string(account.session), "title": "second"])
        #expect(me["title"] == "second")
        #expect(me["idNumber"] == .null)
        let cleared = try daemon.call("account.updateDetails", ["session": .string(account.session), "title": ""])
        #expect(cleared["title"] == .null)
    }

    @Test("registration refuses each bad field with its reason, all at once")
    func registrationValidation() throws {
        let daemon = try LiveDaemon()
        let error = rpcError { try daemon.call("account.register", ["phone": "12345", "code": "12ab", "password": "short", "agreeTerms": false]) }
        #expect(error?.code == -32602)
        #expect(error?.fieldReasons == ["phone": "length", "code": "format", "password": "tooShort", "agreeTerms": "mustAccept"])
        let letters = rpcError { try daemon.call("account.register", ["phone": "+1 555 0100", "code": "123456", "password": "onlyletters", "agreeTerms": true]) }
        #expect(letters?.fieldReasons == ["phone": "notMainland", "password": "needsLetterAndDigit"])
        let notMobile = rpcError { try daemon.call("sms.requestCode", ["phone": "12900006962", "purpose": "register"]) }
        #expect(notMobile?.fieldReasons == ["phone": "notMobile"])
        let purpose = rpcError { try daemon.call("sms.requestCode", ["phone": "13900006962", "purpose": "spam"]) }
        #expect(purpose?.fieldReasons == ["purpose": "not_allowed"])
    }

    @Test("profile forms refuse bad values with their reasons")
    func profileValidation() throws {
        let daemon = try LiveDaemon()
        let account = try daemon.register("13800000002")
        let session = JSONValue.string(account.session)
        let noIdentity = rpcError {
            try daemon.call("account.updateBasicInfo", ["session": session, "name": "李雷", "teacherType": "staff", "schoolId": 1])
        }
        #expect(noIdentity?.code == 412)
        #expect(noIdentity?.reason == "identity.required")
        #expect(rpcError { try daemon.call("account.setIdentity", ["session": session, "identity": "teacher", "nickname": "  "]) }?.fieldReasons == ["nickname": "empty"])
        try daemon.call("account.setIdentity", ["session": session, "identity": "teacher", "nickname": "李"])
        #expect(rpcError {
            try daemon.call("account.updateBasicInfo", ["session": session, "name": "李雷2", "teacherType": "staff", "schoolId": 1])
        }?.fieldReasons == ["name": "characters"])
        let unknownSchool = rpcError {
            try daemon.call("account.updateBasicInfo", ["session": session, "name": "李雷", "teacherType": "staff", "schoolId": 999_999])
        }
        #expect(unknownSchool?.code == 404)
        #expect(unknownSchool?.reason == "school.unknown")
        let checksum = rpcError { try daemon.call("account.updateDetails", ["session": session, "idType": "residentCard", "idNumber": "110101199003071234"]) }
        #expect(checksum?.fieldReasons == ["idNumber": "checksum"])
        let birth = rpcError { try daemon.call("account.updateDetails", ["session": session, "idType": "residentCard", "idNumber": "110101209901011234"]) }
        #expect(birth?.fieldReasons == ["idNumber": "birthDate"])
        let passport = rpcError { try daemon.call("account.updateDetails", ["session": session, "idType": "passport", "idNumber": "E12"]) }
        #expect(passport?.fieldReasons == ["idNumber": "format"])
        let lists = rpcError { try daemon.call("account.updateDetails", ["session": session, "title": "professor", "stage": "college", "idNumber": "E12345678"]) }
        #expect(lists?.fieldReasons == ["title": "notInList", "stage": "notInList", "idType": "required"])
        let unknownParam = rpcError { try daemon.call("account.updateDetails", ["session": session, "nickname": "x"]) }
        #expect(unknownParam?.fieldReasons == ["nickname": "unknown"])
        #expect(try daemon.call("account.updateDetails", ["session": session, "idType": "passport", "idNumber": "e12345678"])["idNumber"] == "E*****78")
    }

    @Test("a retried registration answers 409 account.exists with the id; a wrong code never reveals it")
    func retriedRegistration() throws {
        let daemon = try LiveDaemon()
        let code = try daemon.code("13700000003", "register")
        let params: JSONObject = ["phone": "13700000003", "code": .string(code), "password": "abc12345", "agreeTerms": true]
        let first = try daemon.call("account.register", params)
        let again = rpcError { try daemon.call("account.register", params) }
        #expect(again?.code == 409)
        #expect(again?.reason == "account.exists")
        #expect(again?.data["userId"] == first["userId"])
        var wrong = params
        wrong["code"] = .string(code == "000000" ? "111111" : "000000")
        let guessed = rpcError { try daemon.call("account.register", wrong) }
        #expect(guessed?.reason == "sms.code_invalid")
        #expect(guessed?.data["userId"] == nil)
    }

    @Test("codes are single use, expire after 5 minutes and die after 5 wrong tries")
    func codeRules() throws {
        let daemon = try LiveDaemon()
        let used = try daemon.register("13600000004")
        let reuse = rpcError { try daemon.call("account.login", ["phone": .string(used.phone), "code": .string(try daemon.lastCode(used.phone))]) }
        #expect(reuse?.data["cause"] == "missing")

        let login = try daemon.code(used.phone, "login")
        try daemon.advance(seconds: 301)
        let expired = rpcError { try daemon.call("account.login", ["phone": .string(used.phone), "code": .string(login)]) }
        #expect(expired?.code == 412)
        #expect(expired?.reason == "sms.code_invalid")
        #expect(expired?.data["cause"] == "expired")

        let fresh = try daemon.code(used.phone, "login")
        let wrongCode = fresh == "000000" ? "999999" : "000000"
        for _ in 0..<5 {
            #expect(rpcError { try daemon.call("account.login", ["phone": .string(used.phone), "code": .string(wrongCode)]) }?.data["cause"] == "wrong")
        }
        let exhausted = rpcError { try daemon.call("account.login", ["phone": .string(used.phone), "code": .string(fresh)]) }
        #expect(exhausted?.data["cause"] == "exhausted")

        try daemon.advance(seconds: 60)
        let good = try daemon.code(used.phone, "login")
        #expect(try daemon.call("account.login", ["phone": .string(used.phone), "code": .string(good)])["userId"]?.int64Value == used.userID)
        let again = rpcError { try daemon.call("account.login", ["phone": .string(used.phone), "code": .string(good)]) }
        #expect(again?.data["cause"] == "used")
    }

    @Test("switching a student to teacher is allowed and audited")
    func identitySwitch() throws {
        let daemon = try LiveDaemon()
        let account = try daemon.register("13500000005")
        try daemon.call("account.setIdentity", ["session": .string(account.session), "identity": "student", "nickname": "小明"])
        #expect(try daemon.audit("account.identitySwitched").isEmpty)
        let me = try daemon.call("account.setIdentity", ["session": .string(account.session), "identity": "teacher", "nickname": "明老师"])
        #expect(me["identity"] == "teacher")
        let entry = try #require(try daemon.audit("account.identitySwitched").first)
        #expect(entry["target"] == .string("account:\(account.userID)"))
        #expect(entry["actorAccount"]?.int64Value == account.userID)
        #expect(entry["detail"]?["from"] == "student")
        #expect(entry["detail"]?["to"] == "teacher")
    }
}
