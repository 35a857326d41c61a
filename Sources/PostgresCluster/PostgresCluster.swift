import Foundation

/// A throwaway PostgreSQL cluster in a folder of its own, for tests and benchmarks.
///
/// The server listens on a Unix socket in that folder (and on TCP only when asked); it never
/// touches the system's own PostgreSQL service. When this process is root, the server's programs
/// run as the `postgres` system user, which owns the folder.
public final class PostgresCluster: @unchecked Sendable {
    // Lifecycle calls (stop, restart, kill, remove) are serialised by `lifecycle`; everything
    // else is immutable after `start`.
    /// The superuser every connection logs in as.
    public static let superuser = "yanxiu"

    /// The cluster's folder: its data folder, its socket and its server log.
    public let folder: String
    /// Where the server's Unix socket is (`.s.PGSQL.<port>` in it).
    public let socketDirectory: String
    /// The port number: it names the socket file, and is the TCP port when TCP is on.
    public let port: Int
    /// The address the server also listens on over TCP, when asked for.
    public let tcpAddress: String?
    /// The superuser's password, when the cluster requires one.
    public let password: String?
    public var dataDirectory: String { folder + "/data" }
    public var logPath: String { folder + "/server.log" }

    let binaries: PostgresBinaries
    let command: ClusterCommand
    private let lifecycle = NSLock()
    private var removed = false
    /// The server's process (or `runuser`'s, which waits for it) while it runs.
    private var server: Process?
    /// The standbys every commit of this cluster waits for.
    let synchronousStandbys = SynchronousStandbys()

    init(folder: String, port: Int, options: Options, binaries: PostgresBinaries, command: ClusterCommand) {
        self.folder = folder
        socketDirectory = folder
        self.port = port
        tcpAddress = options.listenTCP
        password = options.password
        self.binaries = binaries
        self.command = command
    }

    /// Creates a cluster in a fresh temporary folder and starts its server.
    public static func start(_ options: Options = .init()) throws -> PostgresCluster {
        let cluster = try create(options)
        do {
            try cluster.startServer()
        } catch {
            cluster.remove()
            throw error
        }
        return cluster
    }

    /// The postmaster's process id while the server runs.
    public var postmasterPID: pid_t? {
        guard let postmaster = Postmaster.recorded(dataDirectory: dataDirectory), postmaster.isAlive else { return nil }
        return postmaster.pid
    }

    public var isRunning: Bool { postmasterPID != nil }

    /// Shuts the server down and waits until its processes are gone; does nothing when it is down.
    public func stop(mode: StopMode = .fast) throws {
        try lifecycle.withLock { try stopServer(mode: mode) }
    }

    /// Starts the server again on the same data and the same port, after `stop` or `kill`
    /// (recovering from the write-ahead log after an immediate stop or a kill).
    public func restart() throws {
        try lifecycle.withLock {
            guard !removed else { throw PostgresClusterError("the cluster in \(folder) was removed") }
            guard !isRunning else { return }
            try startServer()
        }
    }

    /// Kills the postmaster and its processes with SIGKILL, as a crash of the machine would.
    public func kill() {
        lifecycle.withLock { killServer() }
    }

    /// Stops the server if it runs and deletes the folder.
    public func remove() {
        lifecycle.withLock {
            guard !removed else { return }
            removed = true
            if (try? stopServer(mode: .immediate)) == nil { killServer() }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    deinit { remove() }

    /// The last lines of the server's log.
    public func logTail(lines: Int = 30) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// Starts `postgres` as a child of this process and waits until it accepts connections.
    ///
    /// Not through `pg_ctl start`, which leaves the server detached: Foundation's `Process` learns
    /// that a child ended when a socket the child inherited closes, and a detached server would
    /// hold that socket of pg_ctl's for as long as it runs, so waiting for pg_ctl never ended.
    func startServer() throws {
        removeStaleLockFiles()
        if !FileManager.default.fileExists(atPath: logPath) {
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        }
        guard let log = FileHandle(forWritingAtPath: logPath) else {
            throw PostgresClusterError("cannot open the server log \(logPath)")
        }
        defer { try? log.close() }
        try log.seekToEnd()
        let process = Process()
        let (program, arguments) = command.asOwner(binaries.path("postgres"), ["-D", dataDirectory])
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ClusterCommand.environment()
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try command.launcher.run(process)
        server = process
        try waitUntilReady(process)
    }

    /// Waits for `postmaster.pid` to say "ready" (or "standby"), as `pg_ctl start -w` does.
    private func waitUntilReady(_ process: Process) throws {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if let status = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8) {
                let lines = status.split(separator: "\n", omittingEmptySubsequences: false)
                // "standby": a hot standby that accepts read-only connections.
                let status = lines.count > 7 ? lines[7].trimmingCharacters(in: .whitespaces) : ""
                if status == "ready" || status == "standby", isRunning { return }
            }
            guard process.isRunning else {
                throw PostgresClusterError("the server did not start (status \(process.terminationStatus))", logTail: logTail())
            }
            usleep(20_000)
        }
        killServer()
        throw PostgresClusterError("the server was not ready after 120 s", logTail: logTail())
    }

    private func stopServer(mode: StopMode) throws {
        guard let postmaster = Postmaster.recorded(dataDirectory: dataDirectory), postmaster.isAlive else { return }
        // The signals pg_ctl sends for its fast and immediate modes.
        Foundation.kill(postmaster.pid, mode == .fast ? SIGINT : SIGQUIT)
        guard Postmaster.waitUntilGone([postmaster.pid], timeout: 120) else {
            throw PostgresClusterError("the server (pid \(postmaster.pid)) did not stop", logTail: logTail())
        }
        server = nil
    }

    private func killServer() {
        guard let postmaster = Postmaster.recorded(dataDirectory: dataDirectory), postmaster.isAlive else { return }
        // Stopped first, so that it starts no process between listing its children and its death.
        Foundation.kill(postmaster.pid, SIGSTOP)
        let children = postmaster.children()
        Foundation.kill(postmaster.pid, SIGKILL)
        for child in children { Foundation.kill(child, SIGKILL) }
        _ = Postmaster.waitUntilGone([postmaster.pid] + children, timeout: 30)
        server = nil
    }

    /// After a kill, the lock files name processes that are gone (or zombies nobody reaped yet,
    /// which the server would take for a live postmaster).
    private func removeStaleLockFiles() {
        guard let postmaster = Postmaster.recorded(dataDirectory: dataDirectory), !postmaster.isAlive else { return }
        try? FileManager.default.removeItem(atPath: dataDirectory + "/postmaster.pid")
        try? FileManager.default.removeItem(atPath: socketDirectory + "/.s.PGSQL.\(port).lock")
    }
}
