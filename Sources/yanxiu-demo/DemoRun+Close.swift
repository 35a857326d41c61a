import Foundation
import JSONRPC
import YanxiuClient

extension DemoRun {
    /// The window closes, certificates are issued, one is checked offline, and the county report printed.
    mutating func closeWindow() throws {
        narrator.section("The window closes (testClock.set 2023-03-01T00:00:00+08:00) and certificates are issued")
        _ = try client.call("testClock.set", ["time": "2023-03-01T00:00:00+08:00"])
        let issued = try client.call("certificate.issue", ["topicId": .string(Self.topic)])
        narrator.detail("issued \(issued["issued"]?.int64Value ?? 0), already held \(issued["alreadyHeld"]?.int64Value ?? 0); not qualified: "
            + JSONWriter.string(issued["notQualified"] ?? .null))

        narrator.section("A teacher downloads the certificate; anyone can check it offline")
        if let holder = try firstHolder() {
            let file = NSTemporaryDirectory() + "yanxiu-demo-certificate-\(holder.userID).json"
            let document = try client.call("certificate.get", ["session": .string(holder.session), "topicId": .string(Self.topic)])["document"] ?? .null
            try JSONWriter.string(document).write(toFile: file, atomically: true, encoding: .utf8)
            narrator.detail("\(holder.name) (\(holder.school.name)) logs in again and saves the certificate; then")
            narrator.detail("$ yanxiuctl certificates verify --offline \(file)")
            narrator.detail(try yanxiuctlOutput(["certificates", "verify", "--offline", file]))
        } else {
            narrator.detail("nobody qualified")
        }

        narrator.section("The county report")
        narrator.detail("$ yanxiuctl report topic \(Self.topic) --by county")
        narrator.detail(try yanxiuctlOutput(["report", "topic", Self.topic, "--by", "county"]))
    }

    /// The first teacher holding a certificate of the topic, with a fresh session: weeks have
    /// passed on the daemon's clock since they last used theirs, so it has expired.
    mutating func firstHolder() throws -> DemoTeacher? {
        for var teacher in teachers where teacher.verified && teacher.behaviour == .honest && teacher.lessonTarget >= 10 {
            let login = try client.call("account.login", ["phone": .string(teacher.phone), "password": .string(password)])
            teacher.session = login["session"]?.stringValue ?? ""
            if (try? client.call("certificate.get", ["session": .string(teacher.session), "topicId": .string(Self.topic)])) != nil { return teacher }
        }
        return nil
    }

    /// Runs yanxiuctl on the demo's socket and returns what it printed.
    func yanxiuctlOutput(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: yanxiuctl)
        process.arguments = ["--socket", socketPath] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
