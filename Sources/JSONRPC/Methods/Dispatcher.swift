/// Routes decoded requests to their methods and builds the replies.
///
/// Knows nothing about sockets: the transport hands it one line and a peer, and writes
/// back whatever line (if any) it returns.
public struct Dispatcher: Sendable {
    public let table: MethodTable
    public let maxDepth: Int
    /// Most requests one batch may hold. A batch's replies travel in one line, so without a
    /// cap one 1 MiB line of `rpc.discover` calls would ask for gigabytes of reply.
    public let maxBatch: Int
    /// Called with errors nobody recognised; they reach the caller only as -32603.
    public let reportInternalError: @Sendable (String, any Error) -> Void

    public static let defaultMaxBatch = 100

    public init(
        table: MethodTable, maxDepth: Int = JSONParser.defaultMaxDepth, maxBatch: Int = defaultMaxBatch,
        reportInternalError: @escaping @Sendable (String, any Error) -> Void = { _, _ in }
    ) {
        self.table = table
        self.maxDepth = maxDepth
        self.maxBatch = maxBatch
        self.reportInternalError = reportInternalError
    }

    /// The reply line for one input line, or nil when nothing must be sent (notifications).
    public func handle(line: some Collection<UInt8>, peer: RPCPeer, notify: @escaping @Sendable (String, JSONValue) -> Void = { _, _ in }) async -> [UInt8]? {
        let incoming = RPCRequestDecoder.decode(line, maxDepth: maxDepth)
        guard let reply = await reply(to: incoming, peer: peer, notify: notify) else { return nil }
        return RPCResponse.line(reply)
    }

    /// Callback form of `handle`: single calls to callback methods run without a task; the
    /// rest runs in one. `reply` gets the line to send, or nil.
    public func handle(line: some Collection<UInt8>, peer: RPCPeer, notify: @escaping @Sendable (String, JSONValue) -> Void, reply: @escaping @Sendable ([UInt8]?) -> Void) {
        let incoming = RPCRequestDecoder.decode(line, maxDepth: maxDepth)
        if case .request(let request) = incoming, let method = table[request.method], let callback = method.callbackHandler {
            let problems = method.validate(request.params)
            let refusal: RPCError? =
                method.access == .operator && !peer.isOperator ? .operatorRequired() : problems.isEmpty ? nil : .invalidParams(problems)
            if let refusal {
                reply(request.id.isNotification ? nil : RPCResponse.line(RPCResponse.failure(id: request.id.json, error: refusal)))
                return
            }
            let call = RPCCall(method: request.method, params: Params(request.params), peer: peer, notify: notify)
            let report = reportInternalError
            callback(call) { result in
                guard case .value(let id) = request.id else { return reply(nil) }
                switch result {
                case .success(let value): reply(RPCResponse.line(RPCResponse.success(id: id, result: value)))
                case .failure(let error as any RPCErrorConvertible): reply(RPCResponse.line(RPCResponse.failure(id: id, error: error.rpcError)))
                case .failure(let error):
                    report(request.method, error)
                    reply(RPCResponse.line(RPCResponse.failure(id: id, error: .internalError())))
                }
            }
            return
        }
        Task {
            let value = await self.reply(to: incoming, peer: peer, notify: notify)
            reply(value.map(RPCResponse.line))
        }
    }

    /// The reply value for decoded input, or nil when nothing must be sent.
    public func reply(to incoming: RPCIncoming, peer: RPCPeer, notify: @escaping @Sendable (String, JSONValue) -> Void) async -> JSONValue? {
        switch incoming {
        case .invalid(let error, let id):
            return RPCResponse.failure(id: id, error: error)
        case .request(let request):
            return await respond(to: request, peer: peer, notify: notify)
        case .batch(let members) where members.count > maxBatch:
            return RPCResponse.failure(id: .null, error: .invalidRequest("request.batch_too_large", detail: "a batch may hold at most \(maxBatch) requests"))
        case .batch(let members):
            var replies: [JSONValue] = []
            for member in members {
                if let reply = await reply(to: member, peer: peer, notify: notify) { replies.append(reply) }
            }
            return replies.isEmpty ? nil : .array(replies)
        }
    }

    /// Runs one request; returns nil for notifications whatever the outcome.
    public func respond(to request: RPCRequest, peer: RPCPeer, notify: @escaping @Sendable (String, JSONValue) -> Void) async -> JSONValue? {
        let outcome = await run(request, peer: peer, notify: notify)
        guard case .value(let id) = request.id else { return nil }
        switch outcome {
        case .success(let result): return RPCResponse.success(id: id, result: result)
        case .failure(let error): return RPCResponse.failure(id: id, error: error)
        }
    }

    public func run(_ request: RPCRequest, peer: RPCPeer, notify: @escaping @Sendable (String, JSONValue) -> Void) async -> Result<JSONValue, RPCError> {
        guard let method = table[request.method] else { return .failure(.methodNotFound(request.method)) }
        if method.access == .operator, !peer.isOperator { return .failure(.operatorRequired()) }
        let problems = method.validate(request.params)
        if !problems.isEmpty { return .failure(.invalidParams(problems)) }
        let call = RPCCall(method: request.method, params: Params(request.params), peer: peer, notify: notify)
        do {
            return .success(try await method.handler(call))
        } catch let error as any RPCErrorConvertible {
            return .failure(error.rpcError)
        } catch {
            reportInternalError(request.method, error)
            return .failure(.internalError())
        }
    }
}
