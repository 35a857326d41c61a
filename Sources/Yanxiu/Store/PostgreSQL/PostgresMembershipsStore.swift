import Foundation
import JSONValues

/// `MembershipsStore` on PostgreSQL.
struct PostgresMembershipsStore: MembershipsStore {
    let db: PostgresDatabase

    func member(accountID: Int64) throws -> SchoolMember? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func insertPendingMember(accountID: Int64, schoolID: Int64, declaredMentalHealth: Bool, declaredHomeroom: Bool, joinedAt: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func moveMember(accountID: Int64, toSchool schoolID: Int64, joinedAt: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func declareRoles(accountID: Int64, mentalHealth: Bool?, homeroom: Bool?) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func markVerified(accountID: Int64, mentalHealth: Bool, homeroom: Bool, verifierAccountID: Int64?, at: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func removeMember(accountID: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func members(schoolID: Int64, status: MemberStatus?) throws -> [SchoolMemberListing] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func rolesOnNewestEnrollmentForm(accountID: Int64) throws -> (mentalHealth: Bool, homeroom: Bool)? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func accountExists(id: Int64) throws -> Bool {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func grants(accountID: Int64?) throws -> [AdminGrant] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func holdsGrant(accountID: Int64, role: AdminGrants.Role, scope: String) throws -> Bool {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func administers(accountID: Int64, schoolID: Int64) throws -> Bool {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func insertGrant(_ grant: AdminGrant) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func deleteGrant(accountID: Int64, role: AdminGrants.Role, scope: String) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }
}
