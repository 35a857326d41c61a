import Postgres

/// Brings a PostgreSQL database's schema up to this build's, or refuses a newer one.
///
/// Applied migrations are listed in `yanxiu_migrations`. The whole run holds a transaction-level
/// advisory lock, so daemons starting together against one database migrate it once.
enum PostgresMigrator {
    /// The advisory lock key of schema changes ("yanxiu" in ASCII).
    static let lockKey: Int64 = 0x79616E786975

    /// Applies what is missing; returns how many migrations the schema now has.
    static func migrate(_ connection: PostgresConnection, migrations: [PostgresMigration] = PostgresMigrations.all) throws -> Int {
        try connection.execute("BEGIN")
        do {
            try connection.execute("SELECT pg_advisory_xact_lock($1)", [lockKey])
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS yanxiu_migrations (
                    identifier TEXT COLLATE "C" PRIMARY KEY,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """)
            let applied = Set(try connection.execute("SELECT identifier FROM yanxiu_migrations").map { $0[0] as String })
            let known = Set(migrations.map(\.identifier))
            let unknown = applied.subtracting(known)
            guard unknown.isEmpty else {
                throw PostgresSchemaError.newerThanBinary(unknown.sorted())
            }
            for migration in migrations where !applied.contains(migration.identifier) {
                try connection.run(migration.sql)
                try connection.execute("INSERT INTO yanxiu_migrations (identifier) VALUES ($1)", [migration.identifier])
            }
            try connection.execute("COMMIT")
            return migrations.count
        } catch {
            try? connection.run("ROLLBACK")
            throw error
        }
    }

    /// How many migrations the database has.
    static func appliedCount(_ connection: PostgresConnection) throws -> Int {
        Int(try connection.execute("SELECT count(*) FROM yanxiu_migrations")[0][0] as Int64)
    }
}

/// The database's schema cannot be used by this build.
public enum PostgresSchemaError: Error, CustomStringConvertible {
    /// The database was migrated by a newer yanxiud: these migrations are unknown here.
    case newerThanBinary([String])

    public var description: String {
        switch self {
        case .newerThanBinary(let identifiers):
            "the database's schema is newer than this yanxiud (unknown migrations: \(identifiers.joined(separator: ", "))); run the newer build or restore a matching backup"
        }
    }
}
