import Foundation
import JSONRPC
import YanxiuClient

/// The real `yanxiud` binary running on a temporary state folder and socket.
final class LiveDaemon: @unchecked Sendable {
    // Mutable state is touched only by the test that owns the daemon.
    let directory: String
    let socketPath: String
    let process = Process()
    /// Whether this daemon made its folder (and so removes it).
    let ownsDirectory: Bool
    let output = Pipe()

    /// The folder holding the built executables (beside the test bundle).
    static var binDirectory: URL {
        if let bin = ProcessInfo.processInfo.environment["YANXIU_BIN_DIR"] { return URL(fileURLWithPath: bin) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The store these daemons run on; a test about SQLite's own files checks it.
    static var store: TestStore { TestStore.current }

    static var daemonPath: String { binDirectory.appendingPathComponent("yanxiud").path }
    static var ctlPath: String { binDirectory.appendingPathComponent("yanxiuctl").path }

    static func makeDirectory() -> String {
        var template = Array("/tmp/yanxiu-e2e-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        return path
    }

    /// Starts the daemon and waits until its socket answers.
    init(config: [String: String] = [:], arguments: [String] = ["--test-clock"], environment: [String: String] = [:], directory: String? = nil) throws {
        self.directory = directory ?? Self.makeDirectory()
        ownsDirectory = directory == nil
        // Other users (the authorisation tests run clients as nobody) must reach the socket.
        chmod(self.directory, 0o755)
        socketPath = self.directory + "/yanxiud.sock"
        var configText = "state-dir = \(self.directory)\nsocket = \(socketPath)\nsocket-mode = 0666\n"
        // Passwords are hashed at the lowest strength the daemon accepts unless a test sets one:
        // these tests are about what the daemon answers, and scrypt at the shipped strength costs
        // seconds per hash under the sanitizers. Tests of strength and timing set it themselves.
        var settings = config
        if settings["password-scrypt-log-n"] == nil { settings["password-scrypt-log-n"] = "10" }
        // A test that names a store itself gets that one.
        if Self.store == .postgresql, settings["store"] == nil {
            settings.merge(try SharedPostgres.configuration(directory: self.directory)) { _, shared in shared }
        }
        for (key, value) in settings { configText += "\(key) = \(value)\n" }
        let configPath = self.directory + "/yanxiud.conf"
        try configText.write(toFile: configPath, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: Self.daemonPath)
        process.arguments = ["--config", configPath] + arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NOTIFY_SOCKET")
        env.removeValue(forKey: "LISTEN_FDS")
        env.removeValue(forKey: "JOURNAL_STREAM")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = output
        _ = FileManager.default.createFile(atPath: self.directory + "/stderr.log", contents: nil)
        process.standardError = FileHandle(forWritingAtPath: self.directory + "/stderr.log")
        try ProcessLaunch.run(process)
        try waitUntilServing()
    }

    func waitUntilServing(timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let client = try? RPCClient(socketPath: socketPath), (try? client.call("system.ping")) != nil { return }
            guard process.isRunning else { throw DaemonFailed(log: log) }
            usleep(20_000)
        }
        throw DaemonFailed(log: log)
    }

    var log: String { (try? String(contentsOfFile: directory + "/stderr.log", encoding: .utf8)) ?? "" }

    func client() throws -> RPCClient { try RPCClient(socketPath: socketPath) }

    /// Calls one method on a fresh connection.
    @discardableResult
    func call(_ method: String, _ params: JSONObject = [:]) throws -> JSONValue {
        try client().call(method, params)
    }

    /// Sends SIGTERM and returns the exit status.
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        if ownsDirectory { try? FileManager.default.removeItem(atPath: directory) }
    }
}

struct DaemonFailed: Error, CustomStringConvertible {
    let log: String
    var description: String { "daemon did not start:\n\(log)" }
}
