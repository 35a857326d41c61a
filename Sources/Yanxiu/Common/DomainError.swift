import JSONValues

/// A refusal by the programme's rules: what kind of refusal it is, its stable reason name
/// (`data.reason` on the wire), a message for people, and what else the caller needs to know.
///
/// The domain says only what went wrong; the server decides how each kind travels.
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// No valid session, or the credentials are wrong.
        case unauthorized
        /// The caller is known but may not do this.
        case forbidden
        case notFound
        /// The request clashes with what exists (a duplicate, a state already reached).
        case conflict
        /// The request is well formed but its preconditions do not hold (yet).
        case precondition
        /// Too many tries: `data.retryAfterMs` says when to try again.
        case rateLimited
        /// Params that are present but wrong; `fields` names each one and why.
        case invalidParams
        /// Nothing was done because a resource is busy or away; try again later.
        case unavailable
    }

    public var kind: Kind
    public var reason: String
    public var message: String
    public var data: JSONObject
    /// For `invalidParams`: every field that is wrong, in the order they were found.
    public var fields: [FieldProblem]

    public init(_ kind: Kind, _ reason: String, _ message: String, data: JSONObject = [:]) {
        self.kind = kind
        self.reason = reason
        self.message = message
        self.data = data
        self.fields = []
    }

    public var description: String { "\(kind.rawValue) \(reason): \(message)" }

    public static func unauthorized(_ reason: String, _ message: String) -> DomainError { DomainError(.unauthorized, reason, message) }
    public static func forbidden(_ message: String = "Not allowed for this account") -> DomainError { DomainError(.forbidden, "auth.forbidden", message) }
    public static func notFound(_ reason: String, _ message: String) -> DomainError { DomainError(.notFound, reason, message) }
    public static func conflict(_ reason: String, _ message: String, data: JSONObject = [:]) -> DomainError { DomainError(.conflict, reason, message, data: data) }
    public static func precondition(_ reason: String, _ message: String, data: JSONObject = [:]) -> DomainError { DomainError(.precondition, reason, message, data: data) }
    public static func rateLimited(_ reason: String, _ message: String, retryAfterMs: Int64) -> DomainError {
        DomainError(.rateLimited, reason, message, data: ["retryAfterMs": .int64(retryAfterMs)])
    }

    /// A refusal to take more work right now (a full queue, say).
    public static func busy(retryAfterMs: Int, reason: String = "server.busy", message: String = "Server busy, retry later") -> DomainError {
        DomainError(.unavailable, reason, message, data: ["retryAfterMs": .int(retryAfterMs)])
    }

    /// Invalid params found by domain validation, every problem listed.
    public static func invalid(_ problems: [FieldProblem]) -> DomainError {
        var error = DomainError(.invalidParams, "params.invalid", "Invalid params")
        error.fields = problems
        return error
    }

    public static func invalid(field: String, reason: String) -> DomainError { invalid([FieldProblem(field: field, reason: reason)]) }
}
