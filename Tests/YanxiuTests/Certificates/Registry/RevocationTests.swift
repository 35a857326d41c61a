import Foundation
import GRDB
import JSONRPC
import Testing
@testable import Yanxiu

/// `certificate.revoke`: for good, with a reason, audited; a correction is a new issue.
@Suite("Certificate revocation")
struct RevocationTests {
    func revoke(_ fixture: IssuanceFixture, _ serial: CertificateSerial, reason: String = "姓名有误") throws -> CertificateRecord {
        let now = fixture.clock.nowMs
        return try fixture.store.pool.write { db in
            try CertificateRegistry.revoke(SQLiteTransaction(db), serial: serial, reason: reason, now: now, actorUID: 0)
        }
    }

    @Test("a revoked certificate verifies as revoked, by serial and as a document")
    func revokedVerifiesAsRevoked() async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued()
        defer { fixture.cleanUp() }
        let revoked = try revoke(fixture, record.serial)
        #expect(revoked.revocation?.reason == "姓名有误")
        let bySerial = try fixture.verify(serial: record.serial)
        #expect(bySerial.failure == .revoked)
        #expect(bySerial.record?.revocation?.reason == "姓名有误")
        #expect(try fixture.verify(document: record.document).failure == .revoked)
    }

    @Test("revocation is written to the audit log")
    func audited() async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued()
        defer { fixture.cleanUp() }
        _ = try revoke(fixture, record.serial)
        let row = try fixture.store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT target, detail, actor_uid FROM audit WHERE action = 'certificate.revoke'")
        }
        #expect(row?["target"] == record.serial.description)
        #expect((row?["detail"] as String?)?.contains("姓名有误") == true)
        #expect(row?["actor_uid"] == 0)
    }

    @Test("revoking twice is 409 certificate.revoked; an unknown serial is 404")
    func revokeTwiceAndUnknown() async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued()
        defer { fixture.cleanUp() }
        _ = try revoke(fixture, record.serial)
        let twice = try #require(throws: DomainError.self) { try revoke(fixture, record.serial) }
        #expect(twice.kind == .conflict && twice.reason == "certificate.revoked")
        let unknown = try #require(throws: DomainError.self) { try revoke(fixture, CertificateSerial(number: 5)!) }
        #expect(unknown.kind == .notFound && unknown.reason == "certificate.unknown")
    }

    @Test("after a revocation the next run issues a corrected certificate under a new serial")
    func correctionIsANewIssue() async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued()
        defer { fixture.cleanUp() }
        _ = try revoke(fixture, record.serial)
        try await fixture.store.pool.write { db in try db.execute(sql: "UPDATE account SET name = '王晓明' WHERE id = 1") }
        let report = try await fixture.issue()
        #expect(report.issued == 1)
        let corrected = try #require(try fixture.certificate(of: 1))
        #expect(corrected.serial != record.serial && corrected.revocation == nil)
        #expect(CertificateDocument.subject(of: corrected.document)?.name == "王晓明")
        #expect(try fixture.verify(serial: corrected.serial).isValid)
        #expect(try fixture.verify(serial: record.serial).failure == .revoked)
    }
}
