import Foundation
import JSONValues

/// `DirectoryStore` on PostgreSQL.
struct PostgresDirectoryStore: DirectoryStore {
    let db: PostgresDatabase

    func regions(under parentCode: String?) throws -> [Region] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func region(code: String) throws -> Region? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func regionCodes() throws -> Set<String> {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func countyCodes() throws -> Set<String> {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func regionCount() throws -> Int {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func insertRegion(_ region: Region) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func updateRegion(_ region: Region) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func school(id: Int64) throws -> School? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func school(code: String) throws -> School? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func school(regionCode: String, name: String) throws -> School? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func otherSchool(county: String) throws -> School? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func insertSchool(code: String?, name: String, regionCode: String, createdAt: Int64) throws -> Int64 {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func updateSchool(id: Int64, name: String, regionCode: String) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func ensureOtherSchool(county: String, name: String, createdAt: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func searchSchools(in scope: SchoolSearchScope, fragment: String?, limit: Int) throws -> [School] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func sampleDirectoryLoaded() throws -> Bool {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func markSampleDirectoryLoaded(at: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }
}
