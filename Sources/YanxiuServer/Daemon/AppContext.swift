import Dispatch
import Logging
import Systemd
import Yanxiu

/// What every method group shares: the store, the clock, the settings, the logger and the services.
struct AppContext: Sendable {
    static let version = "0.1.0"

    let configuration: DaemonConfiguration
    let store: any StoreEngine
    /// The SQLite engine when the daemon runs on it (checkpoints, backups, test faults); nil on PostgreSQL.
    let sqlite: SQLiteStore?
    let clock: any DaemonClock
    /// Set when the daemon runs with `--test-clock`.
    let testClock: TestClock?
    let logger: Logger
    let logLevel: SharedLogLevel
    let startedAt: DispatchTime
    let heartbeats: HeartbeatPool
    let certificates: CertificateServices
    let instruments: Instruments
}
