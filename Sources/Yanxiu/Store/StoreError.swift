import GRDB
import JSONRPC

/// Failures of the store that callers see as 503: nothing was changed, try again later.
public enum StoreError: Error, Sendable, RPCErrorConvertible {
    /// The writer is shutting down and takes no more work.
    case closed
    /// SQLite cannot write: disk full, read-only, I/O error.
    case unavailable(String)

    public var rpcError: RPCError {
        switch self {
        case .closed:
            RPCError.busy(retryAfterMs: 1000, reason: "server.shutting_down", message: "Shutting down")
        case .unavailable(let detail):
            RPCError(code: 503, message: "Storage unavailable: \(detail)", reason: "store.unavailable", data: ["retryAfterMs": 5000])
        }
    }

    /// Maps SQLite's "cannot write now" conditions to `unavailable`; other errors pass through.
    public static func classify(_ error: any Error) -> any Error {
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        // SQLITE_ABORT: SQLite rolled the writer's transaction back after one of the others,
        // so nothing of it was kept.
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_NOMEM, .SQLITE_ABORT:
            return StoreError.unavailable(dbError.message ?? "\(dbError.resultCode)")
        default:
            return error
        }
    }
}
