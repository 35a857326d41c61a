import GRDB

/// The schema's history. Append-only: a migration that has landed never changes.
public enum Migrations {
    public static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-daemon-meta") { db in
            try db.execute(sql: """
                CREATE TABLE daemon_meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) STRICT;
                """)
        }
        AccountsSchema.register(&migrator)
        CatalogSchema.register(&migrator)
        ProgressSchema.register(&migrator)
        CertificateSchema.register(&migrator)
        ReportsSchema.register(&migrator)
        CertificateStatusSchema.register(&migrator)
        AccountsRetentionSchema.register(&migrator)
        ProgressVersionSchema.register(&migrator)
        return migrator
    }()

    /// How many migrations this build knows; the schema version it produces.
    public static var latestVersion: Int { migrator.migrations.count }
}
