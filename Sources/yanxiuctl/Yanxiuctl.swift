import ArgumentParser

/// The operator's command-line client of yanxiud.
@main
struct Yanxiuctl: ParsableCommand {
    /// Accepts the global flags before the subcommand too (`yanxiuctl --json ping`), as the usage line promises.
    static func main() {
        main(GlobalOptions.movingLeadingGlobals(Array(CommandLine.arguments.dropFirst())))
    }

    static let configuration = CommandConfiguration(
        commandName: "yanxiuctl",
        abstract: "Talk to the yanxiud daemon.",
        discussion: """
            Examples:
              yanxiuctl ping
              yanxiuctl info
              yanxiuctl methods
              yanxiuctl call system.info
              echo '{"level":"debug"}' | yanxiuctl call system.setLogLevel
              yanxiuctl topics import contrib/topics/mh-2023-winter.json
              yanxiuctl enrollments list --topic mh-2023-winter
              yanxiuctl certificates issue --topic mh-2023-winter  # after the window closes
              yanxiuctl status                                   # one screen: uptime, connections, queues, last backup
              yanxiuctl stats | grep yanxiu_heartbeats           # Prometheus metrics
              yanxiuctl report topic mh-2023-winter --by county  # or --by school --csv report.csv --bom
              yanxiuctl backup --directory /var/lib/yanxiu/backups --keep 14

            Exit status: 0 success, 64 usage error, 69 daemon unreachable, 1 the daemon answered with an error, 76 protocol error.
            """,
        version: "0.1.0",
        subcommands: [
            Ping.self, Info.self, Status.self, Stats.self, Methods.self, Call.self, Send.self, Accounts.self, Regions.self, Schools.self, SMS.self,
            Audit.self, Topics.self, Enrollments.self, Progress.self, Progress.Heartbeats.self, Certificates.self, Report.self, Backup.self, LogLevel.self, Clock.self,
            GenerateManual.self,
        ])
}
