import JSONRPC
import Locking
import Logging
import NIOCore
import NIOEmbedded
@testable import YanxiuServer

/// One connection's pipeline as the server builds it (line decoder, then the connection
/// handler) on an `EmbeddedChannel`, serving a small method table:
/// - `echo` answers its `value` at once;
/// - `hold` answers its `value` only when the test calls `release(_:)`, so requests stay in
///   flight as long as a test needs.
///
/// Everything runs on the test's thread: callback methods complete where they are told to, and
/// the handler's flushes and timers run when the test runs the embedded event loop.
final class EmbeddedConnection {
    let channel: EmbeddedChannel
    private let held: HeldCalls
    private let reads: ReadRecorder

    init(maxInFlight: Int = 2, idleTimeout: TimeAmount = .seconds(300), maxLineBytes: Int = 256) throws {
        let held = HeldCalls()
        let table = MethodTable([
            MethodDescriptor("echo", "", access: .anyone, params: [ParamSpec("value", .any)]) { call, done in
                done(.success(call.params["value"] ?? .null))
            },
            MethodDescriptor("hold", "", access: .anyone, params: [ParamSpec("value", .any)]) { call, done in
                held.append(call.params["value"] ?? .null, done)
            },
        ])
        let handler = RPCConnectionHandler(
            dispatcher: Dispatcher(table: table), peer: RPCPeer(pid: 1, uid: 1000, gid: 1000, isOperator: false),
            limits: .init(maxInFlight: maxInFlight, idleTimeout: idleTimeout), logger: Logger(label: "test"))
        reads = ReadRecorder()
        channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(reads)
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLineBytes: maxLineBytes)))
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        self.held = held
    }

    /// Bytes from the client, as one read.
    func send(_ text: String) throws {
        try channel.writeInbound(channel.allocator.buffer(string: text))
    }

    /// A request line for `method` with `value` and id `value`.
    static func request(_ method: String, _ value: Int) -> String {
        #"{"jsonrpc":"2.0","method":"\#(method)","params":{"value":\#(value)},"id":\#(value)}"# + "\n"
    }

    /// Every reply the client can read now (the event loop's pending flushes run first).
    func replies() throws -> [JSONValue] {
        channel.embeddedEventLoop.run()
        var lines: [JSONValue] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
            let bytes = Array(buffer.readableBytesView)
            for line in bytes.split(separator: 0x0A) { lines.append(try JSONParser.parse(line)) }
        }
        return lines
    }

    /// The ids of the replies the client can read now.
    func replyIDs() throws -> [Int64] { try replies().compactMap { $0["id"]?.int64Value } }

    /// The values of the `hold` calls running now, oldest first.
    var running: [Int64] { held.values.compactMap(\.int64Value) }

    /// Answers the oldest running `hold` call.
    func release() {
        held.releaseFirst()
    }

    /// The channel asks for input (as NIO does after each read); returns whether the ask
    /// reached the socket or was held back.
    func askToRead() -> Bool {
        let before = reads.count
        channel.read()
        return reads.count > before
    }

    /// The client stops (false) or starts again (true) taking its replies.
    func setClientReading(_ reading: Bool) {
        channel.isWritable = reading
        channel.pipeline.fireChannelWritabilityChanged()
    }

    var isOpen: Bool { channel.isActive }
}

/// `hold` calls waiting for the test to answer them.
final class HeldCalls: Sendable {
    typealias Done = @Sendable (Result<JSONValue, any Error>) -> Void
    private let calls = Locked<[(value: JSONValue, done: Done)]>([])

    func append(_ value: JSONValue, _ done: @escaping Done) {
        calls.withLock { $0.append((value, done)) }
    }

    var values: [JSONValue] { calls.withLock { $0.map(\.value) } }

    func releaseFirst() {
        let call = calls.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        call?.done(.success(call!.value))
    }
}

/// Counts the reads that reach the socket (outbound, next to the channel's head).
final class ReadRecorder: ChannelOutboundHandler {
    typealias OutboundIn = Any
    private(set) var count = 0

    func read(context: ChannelHandlerContext) {
        count += 1
        context.read()
    }
}
