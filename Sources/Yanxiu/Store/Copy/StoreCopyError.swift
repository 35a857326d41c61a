/// Why a copy did not happen. No row is left in the target (an empty database may have been given the schema).
public enum StoreCopyError: Error, CustomStringConvertible {
    case sourceMissing(String)
    case sourceInUse(String)
    case sourceSchemaNotCurrent(String)
    case passwordInConnectionString
    case targetNotEmpty(table: String, database: String)
    case schemaMismatch(String)
    case unexpectedValue(table: String, column: String, value: String, kind: String)
    case verificationFailed([StoreCopySummary.Table])
    case countersDisagree(Int)

    public var description: String {
        switch self {
        case .sourceMissing(let path):
            "no SQLite database at \(path)"
        case .sourceInUse(let path):
            "\(path) has a write-ahead log in use: stop yanxiud first (a daemon that did not stop cleanly leaves one too: start and stop it once)"
        case .sourceSchemaNotCurrent(let path):
            "\(path) was not migrated by this yanxiud: start and stop this build's daemon on it once, then copy"
        case .passwordInConnectionString:
            "the connection string must not hold a password: use a password file (passfile=..., PGPASSFILE or ~/.pgpass)"
        case .targetNotEmpty(let table, let database):
            "the PostgreSQL database \(database) is not empty (table \(table) has rows): copy only into a new, empty database"
        case .schemaMismatch(let detail):
            "the two schemas differ: \(detail)"
        case .unexpectedValue(let table, let column, let value, let kind):
            "\(table).\(column) holds \(value), which PostgreSQL's \(kind) column cannot take; nothing was copied"
        case .verificationFailed(let tables):
            "verification failed for " + tables.filter { !$0.matches }.map(\.name).joined(separator: ", ") + "; nothing was copied"
        case .countersDisagree(let teachers):
            "topic_completion disagrees with the completed lessons of \(teachers) teacher(s); nothing was copied"
        }
    }
}
