import Foundation
import JSONRPC
import Logging
import Systemd
import Yanxiu

/// The daemon's request path without its socket: the store, the method table and the
/// dispatcher, assembled exactly as the daemon assembles them.
///
/// The daemon serves it on a socket; the fuzzer (`Fuzz/`) drives it with hostile lines in
/// process, so what is fuzzed is what is served.
public struct RequestPath: Sendable {
    public let dispatcher: Dispatcher
    public let store: any StoreEngine
    let app: AppContext

    /// Opens (creating and migrating) the store of `configuration` and builds the method table.
    /// `status` hears what is being done, for systemd's STATUS= line.
    public static func open(
        configuration: DaemonConfiguration, logLevel: SharedLogLevel, logger: Logger = Logger(label: "yanxiud"),
        status: (String) -> Void = { _ in }
    ) async throws -> RequestPath {
        status("opening the store")
        try FileManager.default.createDirectory(atPath: configuration.stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        // The metrics backend must be in place before the store and the pool make their instruments.
        let metrics = DaemonMetrics.shared
        if configuration.store == .postgresql && configuration.postgresql.isEmpty {
            throw ConfigurationError("store = postgresql needs postgresql = <connection string>")
        }
        let sqlite = configuration.store == .sqlite ? try SQLiteStore(path: configuration.databasePath, logger: logger) : nil
        let store: any StoreEngine = try sqlite ?? PostgresStore(conninfo: configuration.postgresql, defaults: configuration.postgresqlDefaults, logger: logger)
        // Other daemons may share the database: sessions they end must end here too.
        (store as? PostgresStore)?.startRevocationFeed()
        let testClock = configuration.testClock ? TestClock() : nil
        let clock: any DaemonClock = testClock ?? SystemClock()
        let lanes = configuration.progressLanes > 0 ? configuration.progressLanes : 2 * ProcessInfo.processInfo.activeProcessorCount
        let heartbeats = HeartbeatPool(store: store, clock: clock, settings: configuration.progress, laneCount: lanes, queueLimit: configuration.laneQueueLimit)
        status("loading the issuer key and certificate fonts")
        let certificates = try await Daemon.certificateServices(configuration, store: store, clock: clock, logger: logger)
        let instruments = Instruments(
            metrics: metrics, heartbeats: HeartbeatMetrics(), connections: ConnectionRegistry(limit: configuration.maxConnections))
        let app = AppContext(
            configuration: configuration, store: store, sqlite: sqlite, clock: clock, testClock: testClock,
            logger: logger, logLevel: logLevel, startedAt: .now(), heartbeats: heartbeats, certificates: certificates,
            instruments: instruments)
        status("loading first-start data")
        try await FirstStart.run(app: app)
        try await CatalogFirstStartLoader(app: app).run()
        return RequestPath(dispatcher: MethodCatalog.dispatcher(app: app), store: store, app: app)
    }

    /// Folds SQLite's WAL back into the database file (the daemon's checkpoint service does it
    /// every few seconds); nothing on PostgreSQL.
    public func checkpoint() {
        _ = try? app.sqlite?.checkpoint()
    }
}
