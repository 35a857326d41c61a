import JSONValues

/// The append-only record of privileged and security-relevant actions: nothing in it is changed,
/// and only the retention pass removes anything (anonymous failure lines past their age).
public protocol AuditStore {
    /// Adds one line in the caller's transaction, so the action and its record commit together.
    func record(at: Int64, actor: AuditActor, action: String, target: String?, detail: JSONObject) throws

    /// Entries matching `filter`, newest first.
    func entries(_ filter: AuditFilter) throws -> [AuditEntry]

    /// Retention: removes at most `limit` lines of anonymous login failures and the locks they
    /// caused (no account acting) recorded at or before `recordedBy`; returns how many went.
    func pruneAnonymousFailures(recordedBy: Int64, limit: Int) throws -> Int
}

extension AuditStore {
    public func record(at: Int64, actor: AuditActor, action: String, target: String?) throws {
        try record(at: at, actor: actor, action: action, target: target, detail: [:])
    }
}
