/// One step of the PostgreSQL schema's history: a name recorded once applied, and the SQL that
/// makes it, run as one script inside one transaction.
public struct PostgresMigration: Sendable {
    public let identifier: String
    public let sql: String

    public init(identifier: String, sql: String) {
        self.identifier = identifier
        self.sql = sql
    }
}

/// The PostgreSQL schema's history, its own and separate from SQLite's. Append-only: a migration
/// that has landed never changes; a new one is added after the last.
public enum PostgresMigrations {
    public static let all: [PostgresMigration] = [
        // The SQLite schema after all its migrations, at once, in the order tables refer to one another.
        PostgresMigration(identifier: "v1-initial", sql: [
            PostgresOperationsSchema.sql,
            PostgresAccountsSchema.sql,
            PostgresCatalogSchema.sql,
            PostgresProgressSchema.sql,
            PostgresCertificatesSchema.sql,
            PostgresReportsSchema.sql,
        ].joined(separator: "\n")),
        PostgresMigration(identifier: "v2-progress-version", sql: PostgresProgressSchema.versionSQL),
    ]
}
