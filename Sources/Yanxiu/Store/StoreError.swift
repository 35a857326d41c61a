import JSONValues

/// Failures of the store that callers see as 503: nothing was changed, try again later.
public enum StoreError: Error, Sendable {
    /// The writer is shutting down and takes no more work.
    case closed
    /// The engine cannot write: disk full, read-only, I/O error, database server away.
    case unavailable(String)

    /// The refusal callers see.
    public var refusal: DomainError {
        switch self {
        case .closed:
            DomainError.busy(retryAfterMs: 1000, reason: "server.shutting_down", message: "Shutting down")
        case .unavailable(let detail):
            DomainError(.unavailable, "store.unavailable", "Storage unavailable: \(detail)", data: ["retryAfterMs": 5000])
        }
    }
}
