import Foundation
import JSONValues

/// `AuditStore` on PostgreSQL.
struct PostgresAuditStore: AuditStore {
    let db: PostgresDatabase

    func record(at: Int64, actor: AuditActor, action: String, target: String?, detail: JSONObject) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func entries(_ filter: AuditFilter) throws -> [AuditEntry] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func pruneAnonymousFailures(recordedBy: Int64, limit: Int) throws -> Int {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }
}
