/// One step of the PostgreSQL schema's history.
public struct PostgresMigration: Sendable {
    public let identifier: String
    public let sql: String

    public init(_ identifier: String, sql: String) {
        self.identifier = identifier
        self.sql = sql
    }
}

/// The PostgreSQL schema's history, oldest first. Append-only.
public enum PostgresMigrations {
    public static let all: [PostgresMigration] = []
}
