import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// The error a call answered with, or nil when it succeeded.
func rpcError(_ body: () throws -> JSONValue) -> RPCError? {
    do {
        _ = try body()
        return nil
    } catch let error as RPCError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

extension RPCError {
    /// `data.fields` as field → reason.
    var fieldReasons: [String: String] {
        var reasons: [String: String] = [:]
        for field in data["fields"]?.arrayValue ?? [] {
            if let name = field["field"]?.stringValue { reasons[name] = field["reason"]?.stringValue }
        }
        return reasons
    }
}

/// A registered account as the tests use it.
struct TestAccount {
    let phone: String
    let password: String
    var session: String
    let userID: Int64
}

extension LiveDaemon {
    /// The code of the newest outbox message for `phone` (operators read the outbox; tests run as root).
    func lastCode(_ phone: String) throws -> String {
        let messages = try call("sms.outbox", ["phone": .string(phone)])["messages"]?.arrayValue ?? []
        let text = try #require(messages.first?["text"]?.stringValue)
        let digits = text.unicodeScalars.split { !("0"..."9").contains($0) }.map { String(String.UnicodeScalarView($0)) }
        return try #require(digits.first { $0.count == 6 })
    }

    /// Requests a code for `purpose` and returns it.
    func code(_ phone: String, _ purpose: String) throws -> String {
        try call("sms.requestCode", ["phone": .string(phone), "purpose": .string(purpose)])
        return try lastCode(phone)
    }

    /// Registers `phone` with a fresh code.
    func register(_ phone: String, password: String = "secret123") throws -> TestAccount {
        let code = try code(phone, "register")
        let result = try call("account.register", ["phone": .string(phone), "code": .string(code), "password": .string(password), "agreeTerms": true])
        return TestAccount(
            phone: phone, password: password, session: try #require(result["session"]?.stringValue), userID: try #require(result["userId"]?.int64Value))
    }

    /// Registers a teacher with name, ID and school; returns the account.
    func teacher(_ phone: String, name: String = "张伟", schoolID: Int64, idNumber: String = "110101199003071233") throws -> TestAccount {
        let account = try register(phone)
        try call("account.setIdentity", ["session": .string(account.session), "identity": "teacher", "nickname": "老师"])
        try call("account.updateBasicInfo", [
            "session": .string(account.session), "name": .string(name), "teacherType": "staff", "schoolId": .int64(schoolID),
            "isMentalHealthTeacher": true,
        ])
        try call("account.updateDetails", ["session": .string(account.session), "idType": "residentCard", "idNumber": .string(idNumber)])
        return account
    }

    /// The id of a school of the sample directory found by name in a county.
    func schoolID(_ region: String, _ name: String) throws -> Int64 {
        let schools = try call("school.search", ["regionCode": .string(region), "query": .string(name)])["schools"]?.arrayValue ?? []
        return try #require(schools.first { $0["name"]?.stringValue == name }?["schoolId"]?.int64Value)
    }

    func advance(seconds: Double) throws {
        try call("testClock.advance", ["seconds": .double(seconds)])
    }

    /// Audit entries for `action` (newest first).
    func audit(_ action: String) throws -> [JSONValue] {
        try call("audit.list", ["action": .string(action)])["entries"]?.arrayValue ?? []
    }
}
