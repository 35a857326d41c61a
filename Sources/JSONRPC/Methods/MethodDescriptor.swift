/// Who may call a method.
public enum MethodAccess: String, Sendable {
    /// Any peer on the socket.
    case anyone
    /// Any peer; the method itself checks the `session` param.
    case user
    /// Only operator peers (root, configured uids or groups).
    case `operator`
}

/// Identity of the process at the other end of the socket (from SO_PEERCRED).
public struct RPCPeer: Sendable, Equatable {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32
    public var isOperator: Bool

    public init(pid: Int32, uid: UInt32, gid: UInt32, isOperator: Bool) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
        self.isOperator = isOperator
    }
}

/// Everything a method sees of its call.
public struct RPCCall: Sendable {
    public var method: String
    public var params: Params
    public var peer: RPCPeer
    /// Sends a notification on the caller's connection (for `$/progress`).
    public var notify: @Sendable (String, JSONValue) -> Void

    public init(method: String, params: Params, peer: RPCPeer, notify: @escaping @Sendable (String, JSONValue) -> Void = { _, _ in }) {
        self.method = method
        self.params = params
        self.peer = peer
        self.notify = notify
    }
}

/// One entry of the method table: name, contract and handler.
public struct MethodDescriptor: Sendable {
    public typealias Handler = @Sendable (RPCCall) async throws -> JSONValue
    /// A handler that answers through a callback, for hot methods that must not pay for a task per call.
    public typealias CallbackHandler = @Sendable (RPCCall, @escaping @Sendable (Result<JSONValue, any Error>) -> Void) -> Void

    public var name: String
    public var summary: String
    public var access: MethodAccess
    public var params: [ParamSpec]
    public var result: String
    /// The `data.reason` values this method may answer with, for the OpenRPC document.
    public var errors: [String]
    public var handler: Handler
    public var callbackHandler: CallbackHandler?

    public init(
        _ name: String, _ summary: String, access: MethodAccess, params: [ParamSpec] = [], result: String = "",
        errors: [String] = [], handler: @escaping Handler
    ) {
        self.name = name
        self.summary = summary
        self.access = access
        self.params = params
        self.result = result
        self.errors = errors
        self.handler = handler
        callbackHandler = nil
    }

    /// A method served through a callback; its async form is derived from it.
    public init(
        _ name: String, _ summary: String, access: MethodAccess, params: [ParamSpec] = [], result: String = "",
        errors: [String] = [], callback: @escaping CallbackHandler
    ) {
        self.init(name, summary, access: access, params: params, result: result, errors: errors) { call in
            try await withCheckedThrowingContinuation { continuation in
                callback(call) { continuation.resume(with: $0) }
            }
        }
        callbackHandler = callback
    }

    /// Runs the handler and hands what it returned or threw to `completion`: a callback method
    /// from its own callback, an async method from a new task.
    public func invoke(_ call: RPCCall, completion: @escaping @Sendable (Result<JSONValue, any Error>) -> Void) {
        if let callbackHandler { return callbackHandler(call, completion) }
        let handler = self.handler
        Task {
            do {
                completion(.success(try await handler(call)))
            } catch {
                completion(.failure(error))
            }
        }
    }

    /// Every problem with `params` against the declared specs, in declaration order.
    public func validate(_ params: JSONObject) -> [RPCError.FieldProblem] {
        var problems: [RPCError.FieldProblem] = []
        for spec in self.params {
            guard let value = params[spec.name], !value.isNull else {
                if spec.required { problems.append(.init(field: spec.name, reason: "required")) }
                continue
            }
            if let reason = spec.problem(with: value) { problems.append(.init(field: spec.name, reason: reason)) }
        }
        let known = Set(self.params.map(\.name))
        for key in params.keys where !known.contains(key) {
            problems.append(.init(field: key, reason: "unknown"))
        }
        return problems
    }
}
