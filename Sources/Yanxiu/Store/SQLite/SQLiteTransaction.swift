import GRDB

/// A `StoreTransaction` on one SQLite connection, inside the transaction GRDB opened for it.
public struct SQLiteTransaction: StoreTransaction {
    let db: Database

    /// For this engine's own code and tests that hold a GRDB connection.
    public init(_ db: Database) {
        self.db = db
    }

    public var accounts: any AccountsStore { SQLiteAccountsStore(db: db) }
    public var memberships: any MembershipsStore { SQLiteMembershipsStore(db: db) }
    public var directory: any DirectoryStore { SQLiteDirectoryStore(db: db) }
    public var audit: any AuditStore { SQLiteAuditStore(db: db) }
    public var catalog: any CatalogStore { SQLiteCatalogStore(db: db) }
    public var enrollments: any EnrollmentsStore { SQLiteEnrollmentsStore(db: db) }
    public var progress: any ProgressStore { SQLiteProgressStore(db: db) }
    public var certificates: any CertificatesStore { SQLiteCertificatesStore(db: db) }
    public var reports: any ReportsStore { SQLiteReportsStore(db: db) }
    public var operations: any OperationsStore { SQLiteOperationsStore(db: db) }
}
