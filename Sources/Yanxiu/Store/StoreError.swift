import JSONValues

/// Failures of the store that callers see as 503: nothing was changed, try again later.
public enum StoreError: Error, Sendable {
    /// The writer is shutting down and takes no more work.
    case closed
    /// The engine cannot write: disk full, read-only, I/O error, database server away.
    case unavailable(String)
    /// A progress write was judged on a state of the account that another write has since changed:
    /// nothing of it was written. The heartbeat lanes judge it again on the state as stored.
    case stale

    /// The refusal callers see.
    public var refusal: DomainError {
        switch self {
        case .closed:
            DomainError.busy(retryAfterMs: 1000, reason: "server.shutting_down", message: "Shutting down")
        case .unavailable(let detail):
            DomainError(.unavailable, "store.unavailable", "Storage unavailable: \(detail)", data: ["retryAfterMs": 5000])
        case .stale:
            DomainError.busy(retryAfterMs: 200, message: "The account's progress is changing on another server; retry")
        }
    }
}
