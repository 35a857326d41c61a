import JSONRPC

/// A refusal by the programme's rules: carries its JSON-RPC code and stable `data.reason`.
public struct DomainError: Error, Sendable, Equatable, RPCErrorConvertible, CustomStringConvertible {
    public var code: Int
    public var reason: String
    public var message: String
    public var data: JSONObject

    public init(_ code: Int, _ reason: String, _ message: String, data: JSONObject = [:]) {
        self.code = code
        self.reason = reason
        self.message = message
        self.data = data
    }

    public var rpcError: RPCError { RPCError(code: code, message: message, reason: reason, data: data) }
    public var description: String { "\(code) \(reason): \(message)" }

    public static func unauthorized(_ reason: String, _ message: String) -> DomainError { DomainError(401, reason, message) }
    public static func forbidden(_ message: String = "Not allowed for this account") -> DomainError { DomainError(403, "auth.forbidden", message) }
    public static func notFound(_ reason: String, _ message: String) -> DomainError { DomainError(404, reason, message) }
    public static func conflict(_ reason: String, _ message: String, data: JSONObject = [:]) -> DomainError { DomainError(409, reason, message, data: data) }
    public static func precondition(_ reason: String, _ message: String, data: JSONObject = [:]) -> DomainError { DomainError(412, reason, message, data: data) }
    public static func rateLimited(_ reason: String, _ message: String, retryAfterMs: Int64) -> DomainError {
        DomainError(429, reason, message, data: ["retryAfterMs": .int64(retryAfterMs)])
    }

    /// Invalid params found by domain validation (-32602 with `data.fields`).
    public static func invalid(_ problems: [RPCError.FieldProblem]) -> RPCError { RPCError.invalidParams(problems) }
    public static func invalid(field: String, reason: String) -> RPCError { RPCError.invalidParams(field: field, reason: reason) }
}
