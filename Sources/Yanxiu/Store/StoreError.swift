import JSONRPC

/// Failures of the store that callers see as 503: nothing was changed, try again later.
public enum StoreError: Error, Sendable, RPCErrorConvertible {
    /// The writer is shutting down and takes no more work.
    case closed
    /// The engine cannot write: disk full, read-only, I/O error, database server away.
    case unavailable(String)

    public var rpcError: RPCError {
        switch self {
        case .closed:
            RPCError.busy(retryAfterMs: 1000, reason: "server.shutting_down", message: "Shutting down")
        case .unavailable(let detail):
            RPCError(code: 503, message: "Storage unavailable: \(detail)", reason: "store.unavailable", data: ["retryAfterMs": 5000])
        }
    }
}
