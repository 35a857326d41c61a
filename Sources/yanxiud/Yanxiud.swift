import ArgumentParser
import Foundation
import Logging
import Systemd
import YanxiuServer

/// The yanxiud command line: runs the daemon in the foreground.
@main
struct Yanxiud: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yanxiud",
        abstract: "Records daemon of the teacher-training programme (JSON-RPC 2.0 over a Unix socket).",
        discussion: """
            With no options it keeps its state in ./.yanxiu and listens on ./.yanxiu/yanxiud.sock, \
            unless /etc/yanxiu/yanxiud.conf, --config or systemd (socket activation, STATE_DIRECTORY) say otherwise.
            """,
        subcommands: [CopyToPostgreSQL.self])

    @Option(help: "Configuration file (key = value lines). Default: \(DaemonConfiguration.defaultFile) when it exists.")
    var config: String?

    @Option(help: "Socket path to bind when not socket-activated.")
    var socket: String?

    @Option(name: .customLong("state-dir"), help: "Folder for the database and keys.")
    var stateDirectory: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    @Flag(name: .customLong("test-clock"), help: "Run on a test clock that operators set with testClock.set/advance. Never in production.")
    var testClock = false

    func run() async throws {
        var settings = DaemonConfiguration()
        if let directory = ProcessInfo.processInfo.environment["STATE_DIRECTORY"], !directory.isEmpty {
            settings.stateDirectory = directory.split(separator: ":").first.map(String.init) ?? directory
        }
        do {
            if let config {
                try settings.apply(file: config)
            } else if FileManager.default.fileExists(atPath: DaemonConfiguration.defaultFile) {
                try settings.apply(file: DaemonConfiguration.defaultFile)
            }
            if let socket { settings.socketPath = socket }
            if let stateDirectory { settings.stateDirectory = stateDirectory }
            if let logLevel { settings.logLevel = try DaemonConfiguration.level(logLevel) }
        } catch let error as ConfigurationError {
            Self.refuseToStart(error)
        }
        settings.testClock = testClock

        let level = LoggingSystemSetup.bootstrap(label: "yanxiud", level: settings.logLevel)
        do {
            try await Daemon.run(configuration: settings, logLevel: level) { socket in
                // Written unbuffered: scripts and tests wait for this line on a pipe.
                FileHandle.standardOutput.write(Data("yanxiud listening on \(socket)\n".utf8))
            }
        } catch {
            Logger(label: "yanxiud").critical("cannot run", metadata: ["error": "\(error)"])
            FileHandle.standardError.write(Data("yanxiud: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// EX_CONFIG of sysexits.h: the unit's `RestartPreventExitStatus=` names it, so systemd
    /// does not restart a daemon whose configuration would only fail again.
    static let configurationExitStatus: Int32 = 78

    /// A configuration that cannot be used ends the daemon before it serves: one critical line
    /// on stderr (the journal under systemd), an error reply to every client already waiting on a
    /// socket systemd passed, and EX_CONFIG.
    static func refuseToStart(_ error: ConfigurationError) -> Never {
        // Written to stderr even under systemd: journald files a stream's lines under the unit
        // at once, where a datagram from a process that has already exited may lose it. The
        // `<2>` prefix (systemd.exec(5), SyslogLevelPrefix=) makes it a critical entry there.
        let priority = JournalStream.isConnected ? "<2>" : ""
        FileHandle.standardError.write(Data("\(priority)yanxiud: configuration error, not starting: \(error.description)\n".utf8))
        if let passed = try? ListenFDs.receive() {
            StartupRefusal.answerWaiting(on: passed.descriptors.map(\.fd))
        }
        Glibc.exit(configurationExitStatus)
    }
}
