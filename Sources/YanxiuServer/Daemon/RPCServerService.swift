import Yanxiu
import Logging
import NIOCore
import ServiceLifecycle
import Systemd

/// Runs the socket server until a graceful stop, then stops accepting and drains connections.
struct RPCServerService: Service {
    let server: RPCServer
    let source: ListenSource
    let notifier: Notifier
    let logger: Logger
    /// How long the stop waits for connections to finish before closing the rest.
    let shutdownGrace: TimeAmount
    /// Called once the socket listens (the daemon is ready).
    let onListening: @Sendable (String) -> Void

    func run() async throws {
        let channel = try await server.listen(source)
        let where_ = describe(source)
        onListening(where_)
        _ = notifier.ready(status: "serving on \(where_)")
        logger.notice("serving", metadata: ["socket": "\(where_)"])

        try? await gracefulShutdown()

        _ = notifier.stopping(status: "stopping: answering \(server.registry.count) connections' requests")
        logger.notice("stopping", metadata: ["connections": "\(server.registry.count)"])
        try? await channel.close()
        let forced = await server.registry.drainAll(grace: shutdownGrace)
        if forced > 0 {
            logger.warning("closed connections that had not finished within the shutdown grace", metadata: ["connections": "\(forced)"])
        }
        logger.info("all connections closed")
    }

    private func describe(_ source: ListenSource) -> String {
        switch source {
        case .activated(let fd): "socket-activated fd \(fd)"
        case .path(let path, _): path
        }
    }
}

/// Keeps the store open for the daemon's life; at the end finishes writes and checkpoints the WAL.
struct StoreService: Service {
    let store: any StoreEngine
    let notifier: Notifier
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        _ = notifier.status("stopping: finishing writes")
        try store.close()
        logger.info("store closed")
    }
}
