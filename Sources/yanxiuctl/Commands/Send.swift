import ArgumentParser
import Foundation
import YanxiuClient

/// `yanxiuctl send`: a scripted session. Request lines from standard input go to the daemon
/// as they are; every line it answers is printed as it is.
///
/// The sending side is closed after the last line, so the daemon answers everything it
/// received and then closes: the command ends when the session is complete.
struct Send: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send request lines from standard input unchanged and print every reply line.",
        discussion: "Example: yanxiuctl send < requests.ndjson   (replies may come out of order; match them by id)")
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
            for line in input.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(input.last == 0x0A ? 1 : 0) {
                try client.sendLine(Array(line))
                // Replies are taken as they come so that neither side's buffer fills while the other waits.
                while let reply = try? client.readLine(timeoutMs: 0) { print(reply) }
            }
            client.finishSending()
            while let reply = try client.readLine() { print(reply) }
        } catch {
            Output.error("yanxiuctl: \(error)")
            throw ExitCode(Exit.protocolError)
        }
    }

    private func print(_ line: [UInt8]?) {
        if let line { Output.line(String(decoding: line, as: UTF8.self)) }
    }
}
