/// A `StoreTransaction` on PostgreSQL: one unit of the writer's transaction, or one read transaction.
public struct PostgresTransaction: StoreTransaction {
    let db: PostgresDatabase

    init(_ db: PostgresDatabase) {
        self.db = db
    }

    public var accounts: any AccountsStore { PostgresAccountsStore(db: db) }
    public var memberships: any MembershipsStore { PostgresMembershipsStore(db: db) }
    public var directory: any DirectoryStore { PostgresDirectoryStore(db: db) }
    public var audit: any AuditStore { PostgresAuditStore(db: db) }
    public var catalog: any CatalogStore { PostgresCatalogStore(db: db) }
    public var enrollments: any EnrollmentsStore { PostgresEnrollmentsStore(db: db) }
    public var progress: any ProgressStore { PostgresProgressStore(db: db) }
    public var certificates: any CertificatesStore { PostgresCertificatesStore(db: db) }
    public var reports: any ReportsStore { PostgresReportsStore(db: db) }
    public var operations: any OperationsStore { PostgresOperationsStore(db: db) }
}
