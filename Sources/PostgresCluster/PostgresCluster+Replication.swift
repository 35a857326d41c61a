import Foundation

extension PostgresCluster {
    /// The name a standby gives itself (`cluster_name`, which its WAL receiver reports as its
    /// `application_name`), as `synchronous_standby_names` names it.
    public var standbyName: String { "standby_\(port)" }

    /// Makes a hot standby of this cluster in a fresh temporary folder, on a port and socket of
    /// its own, and starts it streaming from this one.
    ///
    /// The standby is a copy taken with `pg_basebackup -R` (which writes `primary_conninfo` and
    /// `standby.signal`). When `synchronous`, this cluster's `synchronous_standby_names` names it
    /// from then on: a commit is acknowledged only once the standby has flushed it
    /// (`synchronous_commit = on`, the default).
    public func startStandby(synchronous: Bool = false) throws -> PostgresCluster {
        let options = Options(listenTCP: tcpAddress, password: password, launcher: command.launcher)
        let standby = try PostgresCluster.createCopy(of: self, options: options)
        do {
            try standby.startServer()
        } catch {
            standby.remove()
            throw error
        }
        do {
            if synchronous { try synchronousStandbys.add(standby.standbyName, on: self) }
            try waitForStandby(standby.standbyName, state: synchronous ? "sync" : "async")
        } catch {
            standby.remove()
            throw error
        }
        return standby
    }

    /// Waits until this cluster streams to the standby `name` in the given `sync_state`.
    private func waitForStandby(_ name: String, state: String) throws {
        let query = "SELECT count(*) FROM pg_stat_replication WHERE application_name = '\(name)' AND state = 'streaming' AND sync_state = '\(state)'"
        let deadline = Date().addingTimeInterval(60)
        while try psql(query) != "1" {
            guard Date() < deadline else {
                throw PostgresClusterError("the standby \(name) was not streaming (\(state)) after 60 s", logTail: logTail())
            }
            usleep(50_000)
        }
    }

    /// Ends recovery on a standby (`pg_ctl promote`) and waits until it accepts writes.
    public func promote() throws {
        let result = try command.runAsOwner(binaries.path("pg_ctl"), ["promote", "-D", dataDirectory, "-w", "-t", "60"])
        guard result.succeeded else {
            throw PostgresClusterError("pg_ctl promote failed (status \(result.status))", output: result.errorOutput + result.output, logTail: logTail())
        }
    }

    /// Whether the server is a standby (still replaying a primary's WAL).
    public func isInRecovery() throws -> Bool {
        try psql("SELECT pg_is_in_recovery()") == "t"
    }

    /// A connection string naming every one of `servers` (host and port lists, tried in order)
    /// that accepts only a server taking writes (`target_session_attrs=read-write`): libpq skips
    /// a standby, and a dead server, and connects to whichever is the primary.
    public static func conninfo(database: String, servers: [PostgresCluster], tcp: Bool = false) -> String {
        let hosts = servers.map { tcp ? ($0.tcpAddress ?? "127.0.0.1") : $0.socketDirectory }
        return [
            ("host", hosts.joined(separator: ",")), ("port", servers.map { String($0.port) }.joined(separator: ",")),
            ("user", superuser), ("dbname", database), ("target_session_attrs", "read-write"),
        ].map { "\($0)=\(quoted($1))" }.joined(separator: " ")
    }

    /// A cluster whose data folder is a base backup of `primary`, set up to stream from it.
    private static func createCopy(of primary: PostgresCluster, options: Options) throws -> PostgresCluster {
        let owner = try ClusterOwner.forThisProcess()
        let folder = try makeFolder(owner: owner)
        let command = ClusterCommand(launcher: options.launcher, switchUser: owner.switchUser, workingDirectory: URL(fileURLWithPath: folder))
        do {
            let port = try FreePort.pick(address: options.listenTCP ?? "127.0.0.1")
            let standby = PostgresCluster(folder: folder, port: port, options: options, binaries: primary.binaries, command: command)
            let result = try command.runAsOwner(
                primary.binaries.path("pg_basebackup"),
                [
                    "-D", standby.dataDirectory, "-h", primary.socketDirectory, "-p", String(primary.port), "-U", superuser,
                    "-R", "-X", "stream", "--checkpoint=fast", "--no-sync",
                ],
                environment: primary.password.map { ["PGPASSWORD": $0] } ?? [:]
            )
            guard result.succeeded else {
                throw PostgresClusterError("pg_basebackup failed (status \(result.status))", output: result.errorOutput + result.output, logTail: primary.logTail())
            }
            // The copy holds the primary's settings; these come after them, in the file that
            // `pg_basebackup -R` wrote `primary_conninfo` to and that is read last. A standby never
            // waits for standbys of its own, even once promoted.
            let settings: [(String, String)] = [
                ("port", String(port)), ("unix_socket_directories", standby.socketDirectory),
                ("cluster_name", standby.standbyName), ("synchronous_standby_names", ""),
            ]
            let lines = settings.map { name, value in "\(name) = '\(value)'" }
            try standby.append("\n# Set by the throwaway cluster for its standby.\n" + lines.joined(separator: "\n") + "\n",
                               to: standby.dataDirectory + "/postgresql.auto.conf")
            return standby
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }
}

/// The standbys a primary waits for at every commit, kept as `synchronous_standby_names`.
final class SynchronousStandbys: @unchecked Sendable {
    // `names` is touched only under `lock`.
    private let lock = NSLock()
    private var names: [String] = []

    /// Adds `name` and has `primary` wait for every named standby from its next commit on.
    func add(_ name: String, on primary: PostgresCluster) throws {
        try lock.withLock {
            names.append(name)
            let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
            _ = try primary.psql("ALTER SYSTEM SET synchronous_standby_names = 'FIRST \(names.count) (\(list))'; SELECT pg_reload_conf()")
        }
    }
}
