import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("Password reset by SMS code")
struct PasswordResetTests {
    @Test("a resetPassword code sets a new password, ends every session, lifts the lock, and is audited")
    func reset() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let account = try daemon.register("13700000061", password: "forgot123")
        let other = try #require(try daemon.call("account.login", ["phone": "13700000061", "password": "forgot123"])["session"]?.stringValue)
        for _ in 1...5 { _ = rpcError { try daemon.call("account.login", ["phone": "13700000061", "password": "guess1234"]) } }

        let code = try daemon.code("13700000061", "resetPassword")
        let message = try #require(try daemon.call("sms.outbox", ["phone": "13700000061"])["messages"]?.arrayValue?.first?["text"]?.stringValue)
        #expect(message.contains("重置密码"))
        let weak = rpcError { try daemon.call("account.resetPassword", ["phone": "13700000061", "code": .string(code), "newPassword": "12345678"]) }
        #expect(weak?.fieldReasons == ["newPassword": "needsLetterAndDigit"])
        let wrong = rpcError { try daemon.call("account.resetPassword", ["phone": "13700000061", "code": code == "000000" ? "111111" : "000000", "newPassword": "remember1"]) }
        #expect(wrong?.code == 412)
        #expect(wrong?.reason == "sms.code_invalid")

        let reset = try daemon.call("account.resetPassword", ["phone": "13700000061", "code": .string(code), "newPassword": "remember1"])
        #expect(reset["userId"]?.int64Value == account.userID)
        for old in [account.session, other] {
            #expect(rpcError { try daemon.call("account.me", ["session": .string(old)]) }?.reason == "session.unknown")
        }
        #expect(try daemon.call("account.me", ["session": reset["session"]!])["passwordLoginLocked"] == false)
        #expect(rpcError { try daemon.call("account.login", ["phone": "13700000061", "password": "forgot123"]) }?.reason == "account.credentials_invalid")
        #expect(try daemon.call("account.login", ["phone": "13700000061", "password": "remember1"])["userId"]?.int64Value == account.userID)
        // The code is used up.
        #expect(rpcError { try daemon.call("account.resetPassword", ["phone": "13700000061", "code": .string(code), "newPassword": "another12"]) }?.data["cause"] == "used")
        let entry = try #require(try daemon.audit("account.passwordReset").first)
        #expect(entry["target"] == .string("account:\(account.userID)"))
    }

    @Test("reset codes are rate-limited like every code, and an unknown phone is told apart only after its code is proven")
    func limitsAndUnknownPhones() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        _ = try daemon.register("13700000062")
        // Requesting a code says nothing about registration.
        let registered = try daemon.call("sms.requestCode", ["phone": "13700000062", "purpose": "resetPassword"])
        let unknown = try daemon.call("sms.requestCode", ["phone": "13700000063", "purpose": "resetPassword"])
        #expect(registered.objectValue.map { Set($0.keys) } == unknown.objectValue.map { Set($0.keys) })
        #expect(registered["sent"] == true && unknown["sent"] == true)
        let soon = rpcError { try daemon.call("sms.requestCode", ["phone": "13700000063", "purpose": "resetPassword"]) }
        #expect(soon?.reason == "sms.rate_limited")
        // Wrong codes answer alike.
        let codes = (registered: try daemon.lastCode("13700000062"), unknown: try daemon.lastCode("13700000063"))
        let wrongCode = ["000000", "111111", "222222"].first { $0 != codes.registered && $0 != codes.unknown }!
        func wrong(_ phone: String) -> String {
            let refusal = rpcError { try daemon.call("account.resetPassword", ["phone": .string(phone), "code": .string(wrongCode), "newPassword": "remember1"]) }
            return JSONWriter.string(refusal.map { ["code": .int($0.code), "data": .object($0.data)] } ?? .null)
        }
        #expect(wrong("13700000062") == wrong("13700000063"))
        let proven = rpcError { try daemon.call("account.resetPassword", ["phone": "13700000063", "code": .string(codes.unknown), "newPassword": "remember1"]) }
        #expect(proven?.code == 404)
        #expect(proven?.reason == "account.unknown")
    }

    @Test("yanxiuctl accounts reset-password takes the code as an option and the new password on standard input")
    func command() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let account = try daemon.register("13700000064", password: "forgot123")
        let code = try daemon.code("13700000064", "resetPassword")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LiveDaemon.ctlPath)
        process.arguments = ["--socket", daemon.socketPath, "--json", "accounts", "reset-password", "13700000064", "--code", code]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try ProcessLaunch.run(process)
        input.fileHandleForWriting.write(Data("remember1\n".utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("\"userId\":\(account.userID)") || printed.contains("\"userId\": \(account.userID)"), "\(printed)")
        #expect(try daemon.call("account.login", ["phone": "13700000064", "password": "remember1"])["userId"]?.int64Value == account.userID)
    }
}
