import JSONValues

/// Why a backup could not be taken.
public enum BackupError: Error, Sendable, Equatable {
    /// Backups never overwrite: an existing file may be the only good copy.
    case exists(String)
    /// Another backup is running; one at a time keeps the disk's bandwidth for the writer.
    case running
    case io(String)
    /// The store is PostgreSQL, whose backups are its own tools' (pg_dump, base backups, WAL archiving).
    case external

    /// The refusal callers see.
    public var refusal: DomainError {
        switch self {
        case .exists(let path):
            DomainError.conflict("backup.exists", "\(path) exists; backups never overwrite a file", data: ["path": .string(path)])
        case .running:
            DomainError.conflict("backup.running", "A backup is already running")
        case .external:
            DomainError.precondition(
                "backup.external",
                "The store is PostgreSQL: back it up with PostgreSQL's own tools (pg_dump, pg_basebackup with WAL archiving for point-in-time recovery); see the README")
        case .io(let detail):
            DomainError(.unavailable, "backup.failed", "Backup failed: \(detail)", data: ["retryAfterMs": 60_000])
        }
    }
}
