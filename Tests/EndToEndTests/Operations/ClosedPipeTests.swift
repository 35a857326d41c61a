import Foundation
import Testing

@Suite("yanxiuctl and a closed output pipe")
struct ClosedPipeTests {
    /// Runs `yanxiuctl ARGUMENTS` with SIGPIPE ignored (as under systemd) and standard output a
    /// pipe whose reader is already gone; returns its exit status and what it wrote to stderr.
    static func runWithReaderGone(_ arguments: [String]) throws -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        close(descriptors[0])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // `trap '' PIPE` makes SIGPIPE ignored, and exec keeps it ignored in yanxiuctl.
        process.arguments = ["-c", "trap '' PIPE; exec \"$@\"", "sh", LiveDaemon.ctlPath] + arguments
        let output = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
        process.standardOutput = output
        let errors = Pipe()
        process.standardError = errors
        try ProcessLaunch.run(process)
        try output.close()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, text)
    }

    @Test("methods into a closed pipe ends with the closed-pipe status and says nothing")
    func methodsIntoClosedPipe() throws {
        let daemon = try LiveDaemon()
        let result = try Self.runWithReaderGone(["--socket", daemon.socketPath, "methods"])
        #expect(result.reason == .exit)
        #expect(result.status == 141)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test("raw output (the manual page) into a closed pipe ends the same way")
    func manualIntoClosedPipe() throws {
        let result = try Self.runWithReaderGone(["generate-manual"])
        #expect(result.reason == .exit)
        #expect(result.status == 141)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
