import JSONRPC
import Yanxiu

// How the domain's refusals travel: the one place that gives each kind its JSON-RPC code.
// `data` is the refusal's own, then `reason`; invalid params list their `fields`.

extension DomainError: RPCErrorConvertible {
    public var rpcError: RPCError {
        switch kind {
        case .invalidParams:
            RPCError.invalidParams(fields.map { RPCError.FieldProblem(field: $0.field, reason: $0.reason) })
        default:
            RPCError(code: Self.code(of: kind), message: message, reason: reason, data: data)
        }
    }

    static func code(of kind: Kind) -> Int {
        switch kind {
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .conflict: 409
        case .precondition: 412
        case .rateLimited: 429
        case .invalidParams: RPCError.invalidParamsCode
        case .unavailable: 503
        }
    }
}

extension StoreError: RPCErrorConvertible {
    public var rpcError: RPCError { refusal.rpcError }
}

extension BackupError: RPCErrorConvertible {
    public var rpcError: RPCError { refusal.rpcError }
}
