/// Routes decoded requests to their methods and builds the replies.
///
/// Knows nothing about sockets: the transport hands it one line and a peer, and writes
/// back whatever line (if any) it returns.
///
/// Every request takes one path, `run(_:peer:notify:completion:)`: it finds the method,
/// decides access, validates the params, runs the handler and maps what it throws. The
/// async forms are built on it, so none of these decisions is written twice.
public struct Dispatcher: Sendable {
    public typealias Notify = @Sendable (String, JSONValue) -> Void
    public typealias Outcome = Result<JSONValue, RPCError>

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

    // MARK: The one path

    /// Runs one request and hands its outcome to `completion`. Refusals (unknown method,
    /// operator required, invalid params) complete at once, on the caller's thread; a callback
    /// method completes from its own callback without a task; an async method runs in a task.
    public func run(_ request: RPCRequest, peer: RPCPeer, notify: @escaping Notify, completion: @escaping @Sendable (Outcome) -> Void) {
        let method: MethodDescriptor
        switch admit(request, peer: peer) {
        case .failure(let refusal): return completion(.failure(refusal))
        case .success(let admitted): method = admitted
        }
        let call = RPCCall(method: request.method, params: Params(request.params), peer: peer, notify: notify)
        let name = request.method
        let report = reportInternalError
        method.invoke(call) { result in
            completion(Self.outcome(of: result, method: name, report: report))
        }
    }

    /// The method `request` may run, or why it may not: unknown, operators only, or params
    /// that do not fit (every problem listed).
    func admit(_ request: RPCRequest, peer: RPCPeer) -> Result<MethodDescriptor, RPCError> {
        guard let method = table[request.method] else { return .failure(.methodNotFound(request.method)) }
        if method.access == .operator, !peer.isOperator { return .failure(.operatorRequired()) }
        let problems = method.validate(request.params)
        guard problems.isEmpty else { return .failure(.invalidParams(problems)) }
        return .success(method)
    }

    /// What a handler's result becomes on the wire: its own error when it has one, else -32603
    /// (reported, never shown).
    static func outcome(of result: Result<JSONValue, any Error>, method: String, report: (String, any Error) -> Void) -> Outcome {
        switch result {
        case .success(let value): return .success(value)
        case .failure(let error as any RPCErrorConvertible): return .failure(error.rpcError)
        case .failure(let error):
            report(method, error)
            return .failure(.internalError())
        }
    }

    /// The reply to `request` with `outcome`, or nil for a notification whatever the outcome.
    static func response(to request: RPCRequest, _ outcome: Outcome) -> JSONValue? {
        guard case .value(let id) = request.id else { return nil }
        switch outcome {
        case .success(let result): return RPCResponse.success(id: id, result: result)
        case .failure(let error): return RPCResponse.failure(id: id, error: error)
        }
    }

    // MARK: Lines

    /// Callback form of `handle`: `reply` gets the line to send, or nil. Malformed lines and
    /// single requests take no task of their own (see `run`); a batch runs in one.
    public func handle(line: some Collection<UInt8>, peer: RPCPeer, notify: @escaping Notify, reply: @escaping @Sendable ([UInt8]?) -> Void) {
        switch RPCRequestDecoder.decode(line, maxDepth: maxDepth) {
        case .invalid(let error, let id):
            reply(RPCResponse.line(RPCResponse.failure(id: id, error: error)))
        case .request(let request):
            run(request, peer: peer, notify: notify) { outcome in
                reply(Self.response(to: request, outcome).map(RPCResponse.line))
            }
        case let batch:
            Task { reply(await self.reply(to: batch, peer: peer, notify: notify).map(RPCResponse.line)) }
        }
    }

    /// The reply line for one input line, or nil when nothing must be sent (notifications).
    public func handle(line: some Collection<UInt8>, peer: RPCPeer, notify: @escaping Notify = { _, _ in }) async -> [UInt8]? {
        let incoming = RPCRequestDecoder.decode(line, maxDepth: maxDepth)
        guard let reply = await reply(to: incoming, peer: peer, notify: notify) else { return nil }
        return RPCResponse.line(reply)
    }

    // MARK: Async forms, built on `run`

    /// The reply value for decoded input, or nil when nothing must be sent.
    public func reply(to incoming: RPCIncoming, peer: RPCPeer, notify: @escaping Notify) async -> JSONValue? {
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
    public func respond(to request: RPCRequest, peer: RPCPeer, notify: @escaping Notify) async -> JSONValue? {
        Self.response(to: request, await run(request, peer: peer, notify: notify))
    }

    public func run(_ request: RPCRequest, peer: RPCPeer, notify: @escaping Notify) async -> Outcome {
        await withCheckedContinuation { continuation in
            run(request, peer: peer, notify: notify) { continuation.resume(returning: $0) }
        }
    }
}
