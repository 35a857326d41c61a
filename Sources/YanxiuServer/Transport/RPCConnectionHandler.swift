import JSONRPC
import Logging
import NIOCore

/// Serves JSON-RPC lines on one connection: dispatches each request off the event loop and
/// writes replies as they finish (in any order). What to start, when to read and when to
/// close is decided by `ConnectionStateMachine` (back-pressure is described there); this
/// handler feeds it the channel's events and carries out what it answers.
final class RPCConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = Frame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    typealias Limits = ConnectionStateMachine.Limits

    private let dispatcher: Dispatcher
    private let peer: RPCPeer
    private let limits: Limits
    private let logger: Logger
    private let onRequest: @Sendable () -> Void

    private var state: ConnectionStateMachine
    private var context: ChannelHandlerContext?
    private var idleCheck: RepeatedTask?

    init(dispatcher: Dispatcher, peer: RPCPeer, limits: Limits, logger: Logger, onRequest: @escaping @Sendable () -> Void = {}) {
        self.dispatcher = dispatcher
        self.peer = peer
        self.limits = limits
        self.logger = logger
        self.onRequest = onRequest
        state = ConnectionStateMachine(limits: limits, now: .now())
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        state = ConnectionStateMachine(limits: limits, now: context.eventLoop.now)
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let interval = limits.idleTimeout
        idleCheck = context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: .milliseconds(max(interval.nanoseconds / 4_000_000, 10))) { _ in
            bound.value.idleTimerFired()
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        idleCheck = nil
        self.context = nil
    }

    // MARK: Events

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let input: ConnectionStateMachine.Input
        switch unwrapInboundIn(data) {
        case .tooLarge: input = .tooLarge
        case .line(let buffer): input = .line(Array(buffer.readableBytesView))
        }
        switch state.received(input, now: context.eventLoop.now) {
        case .ignore: break
        case .advance: advance()
        case .refuseTooLarge:
            let error = RPCError.invalidRequest("request.too_large", detail: "a line may hold at most the configured number of bytes")
            write(RPCResponse.line(RPCResponse.failure(id: .null, error: error)))
        }
    }

    func read(context: ChannelHandlerContext) {
        if state.readRequested() { context.read() }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if state.writabilityChanged(to: context.channel.isWritable, now: context.eventLoop.now) { advance() }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            state.inputEnded()
            advance()
        } else if event is DrainEvent {
            state.inputEnded()
            advance()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("connection error", metadata: ["error": "\(error)"])
        if state.closeNow() { context.close(promise: nil) }
    }

    private func idleTimerFired() {
        guard let context, state.idleTimerFired(now: context.eventLoop.now) else { return }
        logger.debug("closing idle connection")
        context.close(promise: nil)
    }

    private func finish(_ reply: [UInt8]?, weight: Int) {
        guard let context else { return }
        state.requestFinished(weight: weight, now: context.eventLoop.now)
        if let reply { write(reply) }
        advance()
    }

    // MARK: Actions

    /// Carries out the state machine's next actions until it has nothing more to do.
    private func advance() {
        guard let context, state.startAdvancing() else { return }
        while true {
            switch state.nextAction() {
            case .start(let line, let weight): dispatch(line, weight: weight, context: context)
            case .read: context.read()
            case .closeAfterFlush: closeAfterFlush(context: context)
            case .wait: return
            }
        }
    }

    private func dispatch(_ line: [UInt8], weight: Int, context: ChannelHandlerContext) {
        onRequest()
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
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

    /// Queues bytes; replies finished in the same event-loop tick share one flush (one syscall).
    private func write(_ bytes: [UInt8]) {
        guard let context else { return }
        switch state.write() {
        case .drop: return
        case .write(let scheduleFlush):
            var buffer = context.channel.allocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
            context.write(wrapOutboundOut(buffer), promise: nil)
            guard scheduleFlush else { return }
            let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
            context.eventLoop.execute {
                let handler = bound.value
                handler.state.flushed()
                handler.context?.flush()
            }
        }
    }

    private func closeAfterFlush(context: ChannelHandlerContext) {
        let channel = context.channel
        let flushed = context.eventLoop.makePromise(of: Void.self)
        // An empty write completes after every write queued before it.
        context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(capacity: 0)), promise: flushed)
        flushed.futureResult.whenComplete { _ in channel.close(promise: nil) }
    }
}

/// Asks a connection to stop reading, finish what it has, and close.
struct DrainEvent: Sendable {}
