import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("Phone change: self-service and the support path")
struct PhoneChangeTests {
    @Test("self-service: a code to the old phone and one to the new; sessions end; the old number is free again")
    func selfService() throws {
        let daemon = try LiveDaemon()
        let account = try daemon.register("13200000041")
        let taken = try daemon.register("13200000042")
        let oldCode = try daemon.code(account.phone, "changePhoneOld")
        let toTaken = try daemon.code(taken.phone, "changePhoneNew")
        let conflict = rpcError {
            try daemon.call("account.changePhone", ["session": .string(account.session), "oldCode": .string(oldCode), "newPhone": .string(taken.phone), "newCode": .string(toTaken)])
        }
        #expect(conflict?.code == 409)
        #expect(conflict?.reason == "account.exists")
        #expect(conflict?.data["userId"] == nil)

        let newCode = try daemon.code("13200000043", "changePhoneNew")
        let wrongOld = oldCode == "000000" ? "111111" : "000000"
        let wrong = rpcError {
            try daemon.call("account.changePhone", ["session": .string(account.session), "oldCode": .string(wrongOld), "newPhone": "13200000043", "newCode": .string(newCode)])
        }
        #expect(wrong?.reason == "sms.code_invalid")
        #expect(wrong?.data["field"] == "oldCode")
        #expect(wrong?.data["cause"] == "wrong")

        let changed = try daemon.call("account.changePhone", [
            "session": .string(account.session), "oldCode": .string(oldCode), "newPhone": "13200000043", "newCode": .string(newCode),
        ])
        #expect(changed["phone"] == "132****0043")
        #expect(rpcError { try daemon.call("account.me", ["session": .string(account.session)]) }?.reason == "session.unknown")
        #expect(try daemon.call("account.me", ["session": changed["session"]!])["phone"] == "132****0043")
        #expect(try daemon.call("account.login", ["phone": "13200000043", "password": .string(account.password)])["userId"]?.int64Value == account.userID)
        try daemon.advance(seconds: 60)
        #expect(try daemon.register("13200000041").userID != account.userID)
        #expect(try daemon.audit("account.phoneChanged").count == 1)
    }

    @Test("before both codes are proven, a registered new phone answers exactly as a free one; after, it is refused without its userId")
    func noRegisteredPhoneOracle() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let account = try daemon.register("13200000051")
        let taken = try daemon.register("13200000052")
        let free = "13200000053"
        func attempt(_ newPhone: String, oldCode: String, newCode: String) -> String {
            let refusal = rpcError {
                try daemon.call("account.changePhone", ["session": .string(account.session), "oldCode": .string(oldCode), "newPhone": .string(newPhone), "newCode": .string(newCode)])
            }
            return JSONWriter.string(refusal.map { ["code": .int($0.code), "data": .object($0.data)] } ?? .null)
        }
        // No codes at all, then a wrong old code: nothing tells the two numbers apart.
        #expect(attempt(taken.phone, oldCode: "111111", newCode: "222222") == attempt(free, oldCode: "111111", newCode: "222222"))
        let oldCode = try daemon.code(account.phone, "changePhoneOld")
        let wrongOld = oldCode == "000000" ? "111111" : "000000"
        #expect(attempt(taken.phone, oldCode: wrongOld, newCode: "222222") == attempt(free, oldCode: wrongOld, newCode: "222222"))
        // The right old code but no proof of the new number: still alike.
        #expect(attempt(taken.phone, oldCode: oldCode, newCode: "222222") == attempt(free, oldCode: oldCode, newCode: "222222"))
        // Proven: refused, without the other account's id, and nothing was used up.
        let newCode = try daemon.code(taken.phone, "changePhoneNew")
        let proven = attempt(taken.phone, oldCode: oldCode, newCode: newCode)
        #expect(proven.contains("account.exists"))
        #expect(!proven.contains("userId"))
        #expect(!proven.contains("\(taken.userID)"))
        #expect(try daemon.call("account.me", ["session": .string(account.session)])["phone"] == "132****0051")
    }

    @Test("a wrong new-phone code does not spend the old-phone code, and each code keeps its own try limit")
    func typoKeepsTheOtherCode() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let account = try daemon.register("13200000054")
        let oldCode = try daemon.code(account.phone, "changePhoneOld")
        let newCode = try daemon.code("13200000055", "changePhoneNew")
        let typo = newCode == "000000" ? "111111" : "000000"
        func change(_ old: String, _ new: String) throws -> JSONValue {
            try daemon.call("account.changePhone", ["session": .string(account.session), "oldCode": .string(old), "newPhone": "13200000055", "newCode": .string(new)])
        }
        for attempt in 1...4 {
            let wrong = rpcError { try change(oldCode, typo) }
            #expect(wrong?.data["field"] == "newCode", "attempt \(attempt)")
            #expect(wrong?.data["cause"] == "wrong", "attempt \(attempt)")
        }
        // Four typos in the new code: the old code is untouched, the new code has one try left, which is right.
        let changed = try change(oldCode, newCode)
        #expect(changed["phone"] == "132****0055")
        #expect(try daemon.call("account.me", ["session": changed["session"]!])["phone"] == "132****0055")
    }

    @Test("a wrong code counts towards that code's limit: five wrong new codes void it, the old code still works with a fresh one")
    func eachCodeItsOwnLimit() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let account = try daemon.register("13200000056")
        let oldCode = try daemon.code(account.phone, "changePhoneOld")
        let newCode = try daemon.code("13200000057", "changePhoneNew")
        let typo = newCode == "000000" ? "111111" : "000000"
        func change(_ new: String) -> RPCError? {
            rpcError {
                try daemon.call("account.changePhone", ["session": .string(account.session), "oldCode": .string(oldCode), "newPhone": "13200000057", "newCode": .string(new)])
            }
        }
        for _ in 1...5 { #expect(change(typo)?.data["cause"] == "wrong") }
        #expect(change(newCode)?.data["cause"] == "exhausted")
        try daemon.advance(seconds: 60)
        let fresh = try daemon.code("13200000057", "changePhoneNew")
        #expect(change(fresh) == nil)
    }

    @Test("support rebinding: every detail must match; the ticket and the operator are audited")
    func rebind() throws {
        let daemon = try LiveDaemon()
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let account = try daemon.teacher("13200000044", name: "孙丽", schoolID: school)
        var params: JSONObject = [
            "userId": .int64(account.userID), "name": "孙丽", "idNumber": "110101199003071233",
            "oldPhone": "13200000044", "newPhone": "13200000045", "ticket": "SUP-2023-0042",
        ]
        var wrong = params
        wrong["name"] = "孙莉"
        wrong["oldPhone"] = "13200000046"
        let mismatch = rpcError { try daemon.call("account.rebindPhone", wrong) }
        #expect(mismatch?.code == 412)
        #expect(mismatch?.reason == "rebind.mismatch")
        #expect(mismatch?.fieldReasons == ["name": "mismatch", "oldPhone": "mismatch"])
        var noTicket = params
        noTicket["ticket"] = " "
        #expect(rpcError { try daemon.call("account.rebindPhone", noTicket) }?.fieldReasons == ["ticket": "required"])

        params["idNumber"] = " 110101199003071233 "
        #expect(try daemon.call("account.rebindPhone", params)["phone"] == "132****0045")
        #expect(rpcError { try daemon.call("account.me", ["session": .string(account.session)]) }?.reason == "session.unknown")
        #expect(try daemon.call("account.login", ["phone": "13200000045", "password": .string(account.password)])["userId"]?.int64Value == account.userID)
        let entry = try #require(try daemon.audit("account.phoneRebound").first)
        #expect(entry["detail"]?["ticket"] == "SUP-2023-0042")
        #expect(entry["actorUid"] == 0)
        #expect(entry["target"] == .string("account:\(account.userID)"))
    }
}

@Suite("Operator-only methods and masking, seen from an unprivileged peer")
struct AccountAuthorisationTests {
    /// One daemon and one method after another: launching many processes at once from the test
    /// runner has hung Foundation's process monitor on Linux.
    @Test("operator-only methods refuse other peers")
    func operatorOnly() throws {
        let daemon = try LiveDaemon()
        let calls: [(String, String)] = [
            ("sms.outbox", #"{"phone":"13000000051"}"#),
            ("account.rebindPhone", #"{"userId":1,"name":"x","idNumber":"x","oldPhone":"13000000051","newPhone":"13000000052","ticket":"t"}"#),
            ("account.get", #"{"userId":1}"#),
            ("admin.grant", #"{"userId":1,"role":"countyAdmin","scope":"110101"}"#),
            ("admin.revoke", #"{"userId":1,"role":"countyAdmin","scope":"110101"}"#),
            ("admin.list", "{}"),
            ("audit.list", "{}"),
            ("region.import", #"{"csv":"code,name\n110000,北京市"}"#),
            ("school.import", #"{"csv":"code,name,regionCode"}"#),
        ]
        for (method, params) in calls {
            let output = try runAsNobody([LiveDaemon.ctlPath, "--socket", daemon.socketPath, "--json", "call", method, params])
            #expect(output.status == 1, "\(method)")
            #expect(output.stdout.contains("auth.operator_required"), "\(method)")
        }
    }

    @Test("a user peer sees masked numbers and cannot ask for them unmasked, nor act for a school")
    func masking() throws {
        let daemon = try LiveDaemon()
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let teacher = try daemon.teacher("15900006962", schoolID: school)
        let ctl = [LiveDaemon.ctlPath, "--socket", daemon.socketPath, "--json", "call"]
        let me = try runAsNobody(ctl + ["account.me", #"{"session":"\#(teacher.session)"}"#])
        #expect(me.status == 0)
        #expect(me.stdout.contains(#""phone":"159****6962""#))
        #expect(me.stdout.contains(#""idNumber":"11*****1233""#))
        #expect(!me.stdout.contains("15900006962"))
        let unmasked = try runAsNobody(ctl + ["account.me", #"{"session":"\#(teacher.session)","unmasked":true}"#])
        #expect(unmasked.stdout.contains("auth.operator_required"))
        let noSession = try runAsNobody(ctl + ["school.verifyTeacher", #"{"schoolId":\#(school),"userId":\#(teacher.userID),"mentalHealthTeacher":true,"homeroomTeacher":false}"#])
        #expect(noSession.stdout.contains("session.unknown"))
        let create = try runAsNobody(ctl + ["school.create", #"{"session":"\#(teacher.session)","regionCode":"110101","name":"某学校"}"#])
        #expect(create.stdout.contains("auth.forbidden"))
    }
}
