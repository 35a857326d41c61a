import Foundation
import JSONValues

/// `ReportsStore` on PostgreSQL.
struct PostgresReportsStore: ReportsStore {
    let db: PostgresDatabase

    func creditRules(topicID: String) throws -> TopicRules? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func forEachTeacher(topicID: String, _ body: (ReportTeacher) throws -> Void) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func schools(_ ids: Set<Int64>) throws -> [Int64: ReportDirectory.School] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func regions() throws -> [String: ReportDirectory.Region] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func regionExists(code: String) throws -> Bool {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func subregions(of code: String) throws -> [String] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func schools(inRegion code: String) throws -> [Int64] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func schoolExists(id: Int64) throws -> Bool {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }
}
