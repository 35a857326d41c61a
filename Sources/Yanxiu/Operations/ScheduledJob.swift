/// Work the daemon does on a timer, which the daemons sharing a database do once between them
/// (`OperationsStore.claimScheduledRun`).
public enum ScheduledJob: String, Sendable, CaseIterable {
    case journalPrune = "journal-prune"
    case accountsPrune = "accounts-prune"

    /// The `daemon_meta` key holding when the last run was claimed (wall-clock milliseconds).
    var metaKey: String { "scheduled.\(rawValue)" }

    /// The job's advisory lock key on PostgreSQL: fixed, never reused for another job.
    var lockKey: Int64 {
        switch self {
        case .journalPrune: 1
        case .accountsPrune: 2
        }
    }
}
