import Yanxiu

/// The names of the daemon's metrics, their help text and their histogram buckets.
///
/// swift-metrics has no notion of help text, so the exposition adds `# HELP` lines from here.
enum MetricNames {
    static let heartbeatsAccepted = "yanxiu_heartbeats_accepted_total"
    static let heartbeatsRefused = "yanxiu_heartbeats_refused_total"
    static let laneQueueDepth = "yanxiu_heartbeat_lane_queue_depth"
    static let writerQueueDepth = "yanxiu_store_writer_queue_depth"
    static let rpcDuration = "yanxiu_rpc_duration_seconds"
    static let rpcErrors = "yanxiu_rpc_errors_total"
    static let connectionsOpen = "yanxiu_connections_open"
    static let connectionsAccepted = "yanxiu_connections_accepted_total"
    static let connectionsRefused = "yanxiu_connections_refused_total"
    static let uptime = "yanxiu_uptime_seconds"
    static let lastBackup = "yanxiu_last_backup_timestamp_seconds"
    static let storePrimary = "yanxiu_store_primary"
    static let scheduledRuns = "yanxiu_scheduled_runs_total"

    static let help: [String: String] = [
        heartbeatsAccepted: "Heartbeats accepted, by the daemon's verdict.",
        heartbeatsRefused: "Heartbeats refused, by data.reason of the error.",
        laneQueueDepth: "Work waiting on each heartbeat lane when scraped.",
        writerQueueDepth: "Units waiting for the next group commit when scraped.",
        WriterMetrics.batchSizeLabel: "Units committed together in one transaction and fsync.",
        WriterMetrics.commitDurationLabel: "Time of one group commit, fsync included.",
        rpcDuration: "Time from dispatch to reply, by method.",
        rpcErrors: "Error replies, by method and data.reason.",
        connectionsOpen: "Connections being served.",
        connectionsAccepted: "Connections admitted since start.",
        connectionsRefused: "Connections refused at the connection limit since start.",
        uptime: "Seconds since the daemon started.",
        lastBackup: "Unix time of the last successful admin.backup (0 when none).",
        storePrimary: "1 when the database server the daemon uses takes writes (SQLite, or a PostgreSQL primary), 0 on a standby.",
        scheduledRuns: "Scheduled jobs by job and outcome: ran here, or skipped because another daemon on the database ran it.",
    ]

    /// 0.1 ms to 10 s: heartbeats answer in about a millisecond, certificate issuance takes seconds.
    static let rpcBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2.5), .seconds(10),
    ]

    /// A commit is one fsync: sub-millisecond on fast disks, tens of milliseconds on slow ones.
    static let commitBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
    ]

    /// Powers of two up to the writer's largest batch.
    static let batchBuckets: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048]
}
