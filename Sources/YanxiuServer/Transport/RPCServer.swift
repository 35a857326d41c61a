import Glibc
import JSONRPC
import Logging
import NIOCore
import NIOPosix
import UnixSocket

/// Where the listening socket comes from.
public enum ListenSource: Sendable {
    /// A socket systemd passed (socket activation); already bound and listening.
    case activated(CInt)
    /// A path the daemon binds itself.
    case path(String, mode: UInt32)
}

/// The Unix-socket JSON-RPC server: accepts connections and gives each its handler.
final class RPCServer: Sendable {
    struct Settings: Sendable {
        var maxLineBytes: Int
        var maxConnections: Int
        var maxInFlight: Int
        var idleTimeout: TimeAmount
    }

    let dispatcher: Dispatcher
    let settings: Settings
    let operators: OperatorPolicy
    let registry: ConnectionRegistry
    let logger: Logger
    let group: any EventLoopGroup
    let onRequest: @Sendable () -> Void

    init(dispatcher: Dispatcher, settings: Settings, operators: OperatorPolicy, registry: ConnectionRegistry? = nil, logger: Logger,
         group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, onRequest: @escaping @Sendable () -> Void = {}) {
        self.dispatcher = dispatcher
        self.settings = settings
        self.operators = operators
        self.registry = registry ?? ConnectionRegistry(limit: settings.maxConnections)
        self.logger = logger
        self.group = group
        self.onRequest = onRequest
    }

    /// Starts listening; returns the server channel.
    func listen(_ source: ListenSource) async throws -> any Channel {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { [self] channel in self.initialize(channel) }
        switch source {
        case .activated(let fd):
            return try await bootstrap.withBoundSocket(fd).get()
        case .path(let path, let mode):
            try SocketFile.prepare(path)
            let channel = try await bootstrap.bind(unixDomainSocketPath: path).get()
            guard chmod(path, mode_t(mode)) == 0 else {
                throw ConfigurationError("cannot set mode of \(path): \(String(cString: strerror(errno)))")
            }
            return channel
        }
    }

    private func initialize(_ channel: any Channel) -> EventLoopFuture<Void> {
        guard registry.admit(channel) else {
            let error = RPCError.busy(retryAfterMs: 1000, reason: "server.too_many_connections", message: "Too many connections")
            let line = RPCResponse.line(RPCResponse.failure(id: .null, error: error))
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(RefuseConnectionHandler(line: line))
            }
        }
        let settings = self.settings
        let operators = self.operators
        let dispatcher = self.dispatcher
        let logger = self.logger
        let onRequest = self.onRequest
        return PeerCredentials.read(from: channel).flatMapThrowing { credentials in
            let peer = RPCPeer(pid: credentials.pid, uid: credentials.uid, gid: credentials.gid,
                               isOperator: operators.isOperator(uid: credentials.uid, gid: credentials.gid))
            var connectionLogger = logger
            connectionLogger[metadataKey: "peer.uid"] = "\(peer.uid)"
            connectionLogger[metadataKey: "peer.pid"] = "\(peer.pid)"
            let handler = RPCConnectionHandler(
                dispatcher: dispatcher, peer: peer,
                limits: .init(maxInFlight: settings.maxInFlight, idleTimeout: settings.idleTimeout),
                logger: connectionLogger, onRequest: onRequest)
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLineBytes: settings.maxLineBytes)))
            try channel.pipeline.syncOperations.addHandler(handler)
        }
    }
}

/// Preparing a socket path: removes a stale socket file, never a live one.
enum SocketFile {
    static func prepare(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw ConfigurationError("\(path) exists and is not a socket; refusing to replace it")
        }
        if answers(path) {
            throw ConfigurationError("another daemon is answering on \(path)")
        }
        unlink(path)
    }

    /// Whether something accepts connections on the socket at `path`.
    static func answers(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return UnixSocketAddress.with(path, { connect(fd, $0, $1) }) == 0
    }
}
