/// One transaction on the store, seen through the operations of each area.
///
/// Each area's store is the only code that knows how its rows are kept; the rules and services
/// above it speak in records and named operations. An engine provides every area with the same
/// meaning: what one operation reads includes what earlier operations of the same transaction
/// wrote, a unique-key conflict surfaces as the area's own refusal, and nothing is visible to
/// others before the commit.
public protocol StoreTransaction {
    var accounts: any AccountsStore { get }
    var memberships: any MembershipsStore { get }
    var directory: any DirectoryStore { get }
    var audit: any AuditStore { get }
    var catalog: any CatalogStore { get }
    var enrollments: any EnrollmentsStore { get }
    var progress: any ProgressStore { get }
    var certificates: any CertificatesStore { get }
    var reports: any ReportsStore { get }
    var operations: any OperationsStore { get }
}
