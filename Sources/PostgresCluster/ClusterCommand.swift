import Foundation

/// One run of a PostgreSQL program: what it printed and how it ended.
struct ClusterCommandResult: Sendable {
    let status: Int32
    let output: String
    let errorOutput: String

    var succeeded: Bool { status == 0 }
}

/// Runs PostgreSQL's programs, as the `postgres` system user when this process is root
/// (the server refuses to run as root).
struct ClusterCommand: Sendable {
    let launcher: PostgresCluster.Launcher
    /// Set when server programs must change user: `runuser` and the user's name.
    let switchUser: (runuser: String, user: String)?
    let workingDirectory: URL

    /// Runs a server program (initdb, pg_basebackup, pg_ctl) as the cluster's owner.
    func runAsOwner(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) throws -> ClusterCommandResult {
        let (program, programArguments) = asOwner(executable, arguments)
        return try run(program, programArguments, environment: extra)
    }

    /// The program and arguments that run `executable` as the cluster's owner.
    func asOwner(_ executable: String, _ arguments: [String]) -> (String, [String]) {
        guard let switchUser else { return (executable, arguments) }
        return (switchUser.runuser, ["-u", switchUser.user, "--", executable] + arguments)
    }

    /// This process's environment without libpq's variables, plus `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        // A developer's own libpq settings must not steer the throwaway cluster's programs.
        for key in environment.keys where key.hasPrefix("PG") { environment.removeValue(forKey: key) }
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Runs a client program as this process's own user.
    func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) throws -> ClusterCommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        process.environment = Self.environment(extra)
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try launcher.run(process)
        // Both outputs are read at once, so a long error output never blocks a long answer. The
        // error output gets a thread of its own: a Dispatch worker could wait behind the very
        // tests that wait here.
        let errorOutput = BackgroundRead(stderr.fileHandleForReading)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errorData = errorOutput.wait()
        process.waitUntilExit()
        return ClusterCommandResult(
            status: process.terminationStatus,
            output: String(decoding: output, as: UTF8.self),
            errorOutput: String(decoding: errorData, as: UTF8.self)
        )
    }
}

/// Reads a file handle to its end on a thread of its own.
private final class BackgroundRead: @unchecked Sendable {
    // `data` is written by the reading thread before `done` is signalled, and read only after.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
        thread.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
