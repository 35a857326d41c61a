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
        let path = try await RequestPath.open(configuration: configuration, logLevel: logLevel, logger: logger) { _ = notifier.status($0) }
        let store = path.store
        let clock = path.app.clock
        let dispatcher = path.dispatcher
        let instruments = path.app.instruments

        let server = RPCServer(
            dispatcher: dispatcher,
            settings: .init(
                maxLineBytes: configuration.maxLineBytes, maxConnections: configuration.maxConnections,
                maxInFlight: configuration.maxInFlightPerConnection,
                idleTimeout: .milliseconds(Int64(configuration.idleTimeoutSeconds * 1000))),
            operators: OperatorPolicy(uids: configuration.operatorUIDs, groups: configuration.operatorGroups),
            registry: instruments.connections, logger: logger)

        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let sqlite = path.app.sqlite {
            services.append(.init(service: CheckpointService(store: sqlite, interval: .seconds(2), logger: logger)))
        }
        let group = ServiceGroup(
            configuration: .init(
                services: services + [
                    .init(service: StoreService(store: store, notifier: notifier, logger: logger)),
                    .init(service: JournalPruneService(
                        store: store, clock: clock, retentionMs: configuration.progress.journalRetentionMs,
                        interval: .milliseconds(Int64(configuration.journalPruneIntervalSeconds * 1000)), logger: logger)),
                    .init(service: AccountsPruneService(
                        store: store, clock: clock, retention: configuration.accountsRetention,
                        interval: .milliseconds(Int64(configuration.retentionIntervalSeconds * 1000)), logger: logger)),
                    .init(service: WatchdogService(interval: notifier.watchdogInterval, notifier: notifier, store: store, logger: logger)),
                    .init(service: RPCServerService(
                        server: server, source: source, notifier: notifier, logger: logger,
                        shutdownGrace: .milliseconds(Int64(configuration.shutdownGraceSeconds * 1000)), onListening: onListening),
                          successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }

    /// The issuer key (created on first start unless one is provided), its place among the
    /// known keys, and the renderer, whose fonts take a moment to read.
    static func certificateServices(_ configuration: DaemonConfiguration, store: any Store, clock: any DaemonClock, logger: Logger) async throws -> CertificateServices {
        let keyring = try await issuerKeyring(configuration, store: store, clock: clock, logger: logger)
        var renderer: CertificatePDFRenderer?
        do {
            let fonts = configuration.certificateFontPaths
            renderer = try await Offload.run { try CertificatePDFRenderer(fontPaths: fonts) }
        } catch {
            logger.error("certificates cannot be printed until the fonts are fixed", metadata: ["error": "\(error)"])
        }
        return CertificateServices(
            keyring: keyring,
            issuance: CertificateIssuance(
                store: store, keyring: keyring, clock: clock,
                statusLists: StatusListAddress(verificationURL: configuration.verificationURL.isEmpty ? nil : configuration.verificationURL)),
            verifier: CertificateVerifier(keyring: keyring), renderer: renderer,
            verificationURL: configuration.verificationURL.isEmpty ? nil : configuration.verificationURL)
    }

    /// The socket systemd passed, or the configured path when the daemon was not socket-activated.
    static func listenSource(_ configuration: DaemonConfiguration) throws -> ListenSource {
        if let passed = try ListenFDs.receive(unsetEnvironment: true).singleStreamSocket(family: AF_UNIX) {
            return .activated(passed.fd)
        }
        return .path(configuration.resolvedSocketPath, mode: configuration.socketMode)
    }
}
