import Foundation
import JSONValues

/// `CertificatesStore` on PostgreSQL.
struct PostgresCertificatesStore: CertificatesStore {
    let db: PostgresDatabase

    func makeCurrentIssuerKey(verificationMethod: String, publicKey: [UInt8], now: Int64) throws -> Int64 {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func issuerKeys() throws -> [String: [UInt8]] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func certificate(serial: CertificateSerial) throws -> CertificateRecord? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func certificate(accountID: Int64, topicId: String) throws -> CertificateRecord? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func insert(_ certificates: [CertificateSigner.Signed], topicId: String, issuerKeyID: Int64, issuedAt: Int64) throws -> Int {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func markRevoked(serial: CertificateSerial, reason: String, at: Int64, actorUID: UInt32?) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func advanceSerialSequence(by count: Int) throws -> ReservedBlock {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func advanceStatusPosition(by count: Int) throws -> ReservedBlock {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func statusList(_ id: Int64, creatingWith url: String, now: Int64) throws -> String {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func statusListURL(_ id: Int64) throws -> String? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func statusListCount() throws -> Int64 {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func revokedIndexes(inList id: Int64) throws -> [Int] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func issuanceTopic(_ topicId: String) throws -> IssuanceTopicRecord? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func rosterEntries(topicId: String) throws -> [RosterEntry] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func completedLessonHours(topicId: String) throws -> [Int64: [Double]] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func enrolledVerifiedRoles(topicId: String) throws -> [Int64: Set<TeacherRole>] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func region(_ code: String) throws -> (name: String, parentCode: String?)? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }
}
