import ArgumentParser
import Foundation
import JSONRPC
import YanxiuClient

/// `yanxiuctl send`: a scripted session. Each line of standard input goes to the daemon as it
/// is, one at a time: the next is sent once the daemon has answered the previous one (lines
/// that need no answer, notifications, are not waited for). Every line it sends back is printed.
struct Send: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send request lines from standard input unchanged, one at a time, and print every line the daemon sends back.",
        discussion: "Example: yanxiuctl send < requests.ndjson")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let client: RPCClient
        do {
            client = try RPCClient(socketPath: options.socketPath)
        } catch {
            Output.error("yanxiuctl: \(error)")
            throw ExitCode(Exit.unavailable)
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        do {
            for line in input.split(separator: 0x0A) {
                try client.sendLine(Array(line))
                guard Self.expectsReply(Array(line)) else { continue }
                // Progress notifications may come before the reply.
                while let reply = try client.readLine(), !reply.isEmpty {
                    Output.line(String(decoding: reply, as: UTF8.self))
                    if !Self.isNotification(reply) { break }
                }
            }
        } catch {
            Output.error("yanxiuctl: \(error)")
            throw ExitCode(Exit.protocolError)
        }
    }

    /// Everything but a notification, or a batch of notifications only, gets an answer
    /// (broken lines get an error).
    static func expectsReply(_ line: [UInt8]) -> Bool {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return false }
        guard let value = try? JSONParser.parse(line) else { return true }
        let needsAnswer: (JSONValue) -> Bool = { $0.objectValue == nil || $0["id"] != nil || $0["method"]?.stringValue == nil }
        if let members = value.arrayValue { return members.isEmpty || members.contains(where: needsAnswer) }
        return needsAnswer(value)
    }

    static func isNotification(_ line: [UInt8]) -> Bool {
        guard let value = try? JSONParser.parse(line) else { return false }
        return value["method"] != nil && value["id"] == nil
    }
}
