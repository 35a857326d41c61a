import Foundation
import JSONValues

/// `EnrollmentsStore` on PostgreSQL.
struct PostgresEnrollmentsStore: EnrollmentsStore {
    let db: PostgresDatabase

    func enrollmentID(accountID: Int64, topicID: String) throws -> Int64? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func hasEnrollments(accountID: Int64) throws -> Bool {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func enrollmentAccount(id: Int64) throws -> EnrollmentAccount? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func schoolExists(id: Int64) throws -> Bool {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func schoolRegion(id: Int64) throws -> String? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func grants(accountID: Int64) throws -> [(role: String, scope: String)] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func updateProfile(accountID: Int64, fields: [(name: String, value: String)], now: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func updateForms(accountID: Int64, _ patch: EnrollmentFormPatch) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func insert(accountID: Int64, topicID: String, form: EnrollmentForm, now: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func enrollment(accountID: Int64, topicID: String) throws -> EnrollmentRecord? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func count(_ filter: EnrollmentFilter) throws -> Int {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func enrollments(_ filter: EnrollmentFilter, after: Int64, limit: Int) throws -> [EnrollmentRecord] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }
}
