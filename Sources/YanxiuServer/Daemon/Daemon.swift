import Dispatch
import Foundation
import JSONRPC
import Logging
import NIOCore
import ServiceLifecycle
import Systemd
import Yanxiu

/// Assembles the daemon from its configuration and runs it until SIGTERM or SIGINT.
public enum Daemon {
    /// Runs in the foreground; returns after a graceful stop.
    public static func run(configuration: DaemonConfiguration, logLevel: SharedLogLevel, onListening: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let logger = Logger(label: "yanxiud")
        let notifier = Notifier()

        let source = try listenSource(configuration)
        _ = notifier.status("opening the store and loading first-start data")
        let path = try await RequestPath.open(configuration: configuration, logLevel: logLevel, logger: logger)
        let store = path.store
        let clock = path.app.clock
        let dispatcher = path.dispatcher

        let server = RPCServer(
            dispatcher: dispatcher,
            settings: .init(
                maxLineBytes: configuration.maxLineBytes, maxConnections: configuration.maxConnections,
                maxInFlight: configuration.maxInFlightPerConnection,
                idleTimeout: .milliseconds(Int64(configuration.idleTimeoutSeconds * 1000))),
            operators: OperatorPolicy(uids: configuration.operatorUIDs, groups: configuration.operatorGroups),
            logger: logger)

        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: StoreService(store: store, notifier: notifier, logger: logger)),
                    .init(service: JournalPruneService(
                        store: store, clock: clock, retentionMs: configuration.progress.journalRetentionMs,
                        interval: .milliseconds(Int64(configuration.journalPruneIntervalSeconds * 1000)), logger: logger)),
                    .init(service: WatchdogService(interval: notifier.watchdogInterval, notifier: notifier, writer: store.writer, logger: logger)),
                    .init(service: RPCServerService(server: server, source: source, notifier: notifier, logger: logger, onListening: onListening),
                          successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }

    /// The socket systemd passed, or the configured path when the daemon was not socket-activated.
    static func listenSource(_ configuration: DaemonConfiguration) throws -> ListenSource {
        if let passed = try ListenFDs.receive(unsetEnvironment: true).singleStreamSocket(family: AF_UNIX) {
            return .activated(passed.fd)
        }
        return .path(configuration.resolvedSocketPath, mode: configuration.socketMode)
    }
}
