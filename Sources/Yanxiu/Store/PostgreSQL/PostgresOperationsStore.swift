import Foundation
import JSONValues

/// `OperationsStore` on PostgreSQL.
struct PostgresOperationsStore: OperationsStore {
    let db: PostgresDatabase

    func claimFirstStart(_ step: String, now: Int64) throws -> Bool {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func schemaVersion() throws -> Int {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func recordBackup(_ summary: BackupSummary) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func lastBackup() throws -> BackupSummary? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }
}
