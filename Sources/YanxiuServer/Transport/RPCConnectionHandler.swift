import JSONRPC
import Logging
import NIOCore

/// Serves JSON-RPC lines on one connection: dispatches each request off the event loop,
/// writes replies as they finish (in any order), and applies back-pressure.
///
/// Back-pressure: at most `maxInFlight` requests of a connection run at once, and no more
/// input is read, nor any read line started, while that many are running or while the
/// replies not yet taken by the client are above the channel's high-water mark. A client
/// that never reads its replies therefore stops being served, and the daemon holds at most
/// `maxInFlight` replies plus one high-water mark for it. A batch takes every slot while it runs: its
/// reply is up to `Dispatcher.maxBatch` replies in one line, so batches run one at a time.
final class RPCConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = Frame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    struct Limits {
        var maxInFlight: Int
        var idleTimeout: TimeAmount
    }

    private let dispatcher: Dispatcher
    private let peer: RPCPeer
    private let limits: Limits
    private let logger: Logger
    private let onRequest: @Sendable () -> Void

    private var context: ChannelHandlerContext?
    private var inFlight = 0
    /// Lines read but not started because the in-flight limit was reached.
    private var waiting = CircularBuffer<[UInt8]>()
    /// Set while `dispatchWaiting` runs: a reply that finishes at once re-enters it, and the
    /// outer loop must go on instead of recursing once per waiting line.
    private var startingWaiting = false
    private var readPending = false
    private var inputClosed = false
    private var draining = false
    private var closing = false
    private var lastActivity = NIODeadline.now()
    private var idleCheck: RepeatedTask?
    private var flushScheduled = false

    init(dispatcher: Dispatcher, peer: RPCPeer, limits: Limits, logger: Logger, onRequest: @escaping @Sendable () -> Void = {}) {
        self.dispatcher = dispatcher
        self.peer = peer
        self.limits = limits
        self.logger = logger
        self.onRequest = onRequest
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let interval = limits.idleTimeout
        idleCheck = context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: .milliseconds(max(interval.nanoseconds / 4_000_000, 10))) { _ in
            bound.value.closeIfIdle()
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        idleCheck = nil
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastActivity = .now()
        switch unwrapInboundIn(data) {
        case .tooLarge:
            let error = RPCError.invalidRequest("request.too_large", detail: "a line may hold at most the configured number of bytes")
            write(RPCResponse.line(RPCResponse.failure(id: .null, error: error)))
        case .line(let buffer):
            if buffer.readableBytesView.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            waiting.append(Array(buffer.readableBytesView))
            dispatchWaiting()
        }
    }

    /// Starts waiting lines in order while slots are free and the client is taking its replies.
    /// One read can bring many lines; those beyond the limit wait here (at most one read's
    /// worth) instead of all running at once, and none starts while the replies already
    /// written sit above the channel's high-water mark, so a client that stops reading holds
    /// at most that much plus its in-flight replies.
    private func dispatchWaiting() {
        guard let context, !startingWaiting else { return }
        startingWaiting = true
        defer { startingWaiting = false }
        while let line = waiting.first, context.channel.isWritable {
            let weight = Self.weight(of: line, limit: limits.maxInFlight)
            guard inFlight == 0 || inFlight + weight <= limits.maxInFlight else { return }
            waiting.removeFirst()
            dispatch(line, weight: weight, context: context)
        }
    }

    static func weight(of line: [UInt8], limit: Int) -> Int {
        line.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D } == UInt8(ascii: "[") ? limit : 1
    }

    private func dispatch(_ line: [UInt8], weight: Int, context: ChannelHandlerContext) {
        inFlight += weight
        onRequest()
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        let dispatcher = self.dispatcher
        let peer = self.peer
        let notify: @Sendable (String, JSONValue) -> Void = { method, params in
            let line = RPCResponse.line(RPCResponse.notification(method: method, params: params))
            eventLoop.execute { bound.value.write(line) }
        }
        dispatcher.handle(line: line, peer: peer, notify: notify) { reply in
            if eventLoop.inEventLoop {
                bound.value.finish(reply, weight: weight)
            } else {
                eventLoop.execute { bound.value.finish(reply, weight: weight) }
            }
        }
    }

    private func finish(_ reply: [UInt8]?, weight: Int) {
        inFlight -= weight
        lastActivity = .now()
        if let reply { write(reply) }
        dispatchWaiting()
        if readPending, canRead {
            readPending = false
            context?.read()
        }
        closeIfDone()
    }

    /// Queues a reply; replies finished in the same event-loop tick share one flush (one syscall).
    private func write(_ bytes: [UInt8]) {
        guard let context, !closing else { return }
        var buffer = context.channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        context.write(wrapOutboundOut(buffer), promise: nil)
        guard !flushScheduled else { return }
        flushScheduled = true
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let handler = bound.value
            handler.flushScheduled = false
            handler.context?.flush()
        }
    }

    private var canRead: Bool {
        guard let context else { return false }
        return !draining && !inputClosed && waiting.isEmpty && inFlight < limits.maxInFlight && context.channel.isWritable
    }

    func read(context: ChannelHandlerContext) {
        if canRead {
            context.read()
        } else {
            readPending = true
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            lastActivity = .now()
            dispatchWaiting()
            if readPending, canRead {
                readPending = false
                context.read()
            }
            closeIfDone()
        }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            inputClosed = true
            closeIfDone()
        } else if event is DrainEvent {
            draining = true
            closeIfDone()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("connection error", metadata: ["error": "\(error)"])
        closeNow()
    }

    /// Closes once nothing is running, after the last reply has been handed to the socket.
    private func closeIfDone() {
        guard (inputClosed || draining), inFlight == 0, waiting.isEmpty, !closing, let context else { return }
        closing = true
        let channel = context.channel
        let flushed = context.eventLoop.makePromise(of: Void.self)
        // An empty write completes after every write queued before it.
        context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(capacity: 0)), promise: flushed)
        flushed.futureResult.whenComplete { _ in channel.close(promise: nil) }
    }

    /// Closes a connection with nothing running that has sent no complete request, and taken
    /// none of its replies, for the idle timeout (lines held back for a client that stopped
    /// reading do not keep it open).
    private func closeIfIdle() {
        guard let context, inFlight == 0, waiting.isEmpty || !context.channel.isWritable, !closing,
              NIODeadline.now() - lastActivity >= limits.idleTimeout else { return }
        logger.debug("closing idle connection")
        closeNow()
    }

    private func closeNow() {
        guard !closing, let context else { return }
        closing = true
        context.close(promise: nil)
    }
}

/// Asks a connection to stop reading, finish what it has, and close.
struct DrainEvent: Sendable {}
