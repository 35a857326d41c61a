import Glibc
import Systemd
import Testing

/// Runs this test binary again, the way systemd starts a socket-activated service: the
/// given descriptors on fd 3, 4, … and `LISTEN_FDS`, `LISTEN_PID`, `LISTEN_FDNAMES` set.
///
/// Why a child process: in this process fd 3 already belongs to the Swift runtime (it is
/// libdispatch's epoll descriptor), and putting a socket there with dup2, even briefly,
/// stalls every timer and task sleep in the test run. A child receives the descriptors
/// before its runtime opens anything, exactly like a real daemon.
enum ActivatedChild {
    static let reportVariable = "SYSTEMD_TESTS_ACTIVATION_REPORT"

    static var reportPath: String? {
        getenv(reportVariable).map { String(cString: $0) }
    }

    /// Starts the child with `descriptors` and returns its report (`key=value` per line,
    /// written by `ActivationChild`).
    /// - Parameter names: the `LISTEN_FDNAMES` value; nil leaves it unset.
    static func run(
        passing descriptors: [Int32],
        names: String?,
        in directory: TemporaryDirectory
    ) async throws -> [String: String] {
        let reportPath = directory.file("report")
        let outputPath = directory.file("child-output")
        var environment = inheritedEnvironment()
        environment.append("LISTEN_FDS=\(descriptors.count)")
        if let names { environment.append("LISTEN_FDNAMES=\(names)") }
        environment.append("\(reportVariable)=\(reportPath)")

        // Move the sources out of the way first, so dup2 onto 3, 4, … cannot overwrite a
        // source that happens to sit on one of those numbers.
        let sources = try descriptors.map { fd in
            let high = fcntl(fd, F_DUPFD_CLOEXEC, 64)
            guard high >= 0 else { throw SystemCallError("fcntl F_DUPFD_CLOEXEC") }
            return high
        }
        defer { sources.forEach { close($0) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        for (index, source) in sources.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, source, ListenFDs.firstDescriptor + Int32(index))
        }

        // LISTEN_PID must be the child's own pid, known only once it runs: the shell sets
        // it and execs the test binary in its place, keeping the pid, as systemd does.
        let arguments = [
            "sh", "-c", "LISTEN_PID=$$; export LISTEN_PID; exec \"$0\" \"$@\"",
            try executablePath(),
            "--testing-library", "swift-testing", "--filter", "ActivationChild",
        ]
        let pid = try spawn("/bin/sh", arguments: arguments, environment: environment, actions: &actions)
        let status = try await waitForExit(of: pid, timeout: .seconds(120))
        let output = readFile(outputPath) ?? ""
        guard status == 0, let report = readFile(reportPath) else {
            throw ChildFailure(status: status, output: output)
        }
        return parse(report)
    }

    struct ChildFailure: Error, CustomStringConvertible {
        let status: Int32
        let output: String
        var description: String { "activated child exited with status \(status):\n\(output)" }
    }

    private static func parse(_ report: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in report.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    /// This process's environment minus anything systemd-related, so the child sees only
    /// what the test sets.
    private static func inheritedEnvironment() -> [String] {
        var result: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            let variable = String(cString: entry)
            let name = variable.prefix { $0 != "=" }
            let managed = name.hasPrefix("LISTEN_") || name.hasPrefix("WATCHDOG_")
                || name == "NOTIFY_SOCKET" || name == reportVariable
            if !managed { result.append(variable) }
            cursor += 1
        }
        return result
    }

    private static func executablePath() throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { throw SystemCallError("readlink /proc/self/exe") }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func spawn(
        _ program: String,
        arguments: [String],
        environment: [String],
        actions: inout posix_spawn_file_actions_t
    ) throws -> pid_t {
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, &actions, nil, argv, envp)
        guard result == 0 else { throw SystemCallError("posix_spawn \(program)", code: result) }
        return pid
    }

    /// The exit status, or a failure after `timeout` (the child is killed: a hung child
    /// must not hang the suite).
    private static func waitForExit(of pid: pid_t, timeout: Duration) async throws -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 { throw SystemCallError("waitpid") }
            if clock.now >= deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw ChildFailure(status: -1, output: "timed out after \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
