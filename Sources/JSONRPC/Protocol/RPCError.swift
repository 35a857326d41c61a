/// A JSON-RPC error object; application errors carry a stable `data.reason`.
public struct RPCError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: JSONObject

    public init(code: Int, message: String, reason: String, data: JSONObject = JSONObject()) {
        self.code = code
        self.message = message
        var data = data
        data["reason"] = .string(reason)
        self.data = data
    }

    public var reason: String { data["reason"]?.stringValue ?? "" }

    public var description: String { "\(code) \(message) (\(reason))" }

    public var json: JSONValue {
        ["code": .int(code), "message": .string(message), "data": .object(data)]
    }

    /// One invalid field of a params object: its path and why it is wrong.
    public struct FieldProblem: Sendable, Equatable {
        public var field: String
        public var reason: String
        public init(field: String, reason: String) {
            self.field = field
            self.reason = reason
        }
    }
}

extension RPCError {
    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603

    public static func parseError(_ detail: String) -> RPCError {
        RPCError(code: parseErrorCode, message: "Parse error", reason: "request.parse", data: ["detail": .string(detail)])
    }

    public static func invalidRequest(_ reason: String = "request.invalid", detail: String? = nil) -> RPCError {
        var data = JSONObject()
        if let detail { data["detail"] = .string(detail) }
        return RPCError(code: invalidRequestCode, message: "Invalid Request", reason: reason, data: data)
    }

    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: methodNotFoundCode, message: "Method not found", reason: "method.unknown", data: ["method": .string(method)])
    }

    public static func invalidParams(_ problems: [FieldProblem]) -> RPCError {
        let fields = problems.map { JSONValue.object(["field": .string($0.field), "reason": .string($0.reason)]) }
        return RPCError(code: invalidParamsCode, message: "Invalid params", reason: "params.invalid", data: ["fields": .array(fields)])
    }

    public static func invalidParams(field: String, reason: String) -> RPCError {
        invalidParams([FieldProblem(field: field, reason: reason)])
    }

    public static func internalError() -> RPCError {
        RPCError(code: internalErrorCode, message: "Internal error", reason: "server.internal")
    }

    public static func operatorRequired() -> RPCError {
        RPCError(code: 403, message: "Operator privileges required", reason: "auth.operator_required")
    }

    public static func forbidden(_ message: String = "Not allowed") -> RPCError {
        RPCError(code: 403, message: message, reason: "auth.forbidden")
    }

    public static func busy(retryAfterMs: Int, reason: String = "server.busy", message: String = "Server busy, retry later") -> RPCError {
        RPCError(code: 503, message: message, reason: reason, data: ["retryAfterMs": .int(retryAfterMs)])
    }
}

/// Errors of other layers that know which JSON-RPC error they are.
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

extension RPCError: RPCErrorConvertible {
    public var rpcError: RPCError { self }
}
