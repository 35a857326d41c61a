import Foundation
import JSONRPC
import Testing
@testable import Yanxiu

/// `certificate.revoke`: for good, with a reason, audited; a correction is a new issue.
@Suite("Certificate revocation")
struct RevocationTests {
    func revoke(_ fixture: IssuanceFixture, _ serial: CertificateSerial, reason: String = "姓名有误") async throws -> CertificateRecord {
        let now = fixture.clock.nowMs
        return try await fixture.store.write { tx in
            try CertificateRegistry.revoke(tx, serial: serial, reason: reason, now: now, actorUID: 0)
        }
    }

    @Test("a revoked certificate verifies as revoked, by serial and as a document", arguments: TestStores.Engine.allCases)
    func revokedVerifiesAsRevoked(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued(engine)
        defer { fixture.cleanUp() }
        let revoked = try await revoke(fixture, record.serial)
        #expect(revoked.revocation?.reason == "姓名有误")
        let bySerial = try fixture.verify(serial: record.serial)
        #expect(bySerial.failure == .revoked)
        #expect(bySerial.record?.revocation?.reason == "姓名有误")
        #expect(try fixture.verify(document: record.document).failure == .revoked)
    }

    @Test("revocation is written to the audit log", arguments: TestStores.Engine.allCases)
    func audited(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued(engine)
        defer { fixture.cleanUp() }
        _ = try await revoke(fixture, record.serial)
        let audit = "FROM audit WHERE action = 'certificate.revoke'"
        #expect(try fixture.sql.value("SELECT target \(audit)") == record.serial.description)
        #expect(try (fixture.sql.value("SELECT detail \(audit)") as String?)?.contains("姓名有误") == true)
        #expect(try fixture.sql.value("SELECT actor_uid \(audit)") == 0 as Int64)
    }

    @Test("revoking twice is 409 certificate.revoked; an unknown serial is 404", arguments: TestStores.Engine.allCases)
    func revokeTwiceAndUnknown(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued(engine)
        defer { fixture.cleanUp() }
        _ = try await revoke(fixture, record.serial)
        let twice = try await #require(throws: DomainError.self) { try await revoke(fixture, record.serial) }
        #expect(twice.kind == .conflict && twice.reason == "certificate.revoked")
        let unknown = try await #require(throws: DomainError.self) { try await revoke(fixture, CertificateSerial(number: 5)!) }
        #expect(unknown.kind == .notFound && unknown.reason == "certificate.unknown")
    }

    @Test("after a revocation the next run issues a corrected certificate under a new serial", arguments: TestStores.Engine.allCases)
    func correctionIsANewIssue(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued(engine)
        defer { fixture.cleanUp() }
        _ = try await revoke(fixture, record.serial)
        try fixture.sql.execute("UPDATE account SET name = '王晓明' WHERE id = 1")
        let report = try await fixture.issue()
        #expect(report.issued == 1)
        let corrected = try #require(try fixture.certificate(of: 1))
        #expect(corrected.serial != record.serial && corrected.revocation == nil)
        #expect(CertificateDocument.subject(of: corrected.document)?.name == "王晓明")
        #expect(try fixture.verify(serial: corrected.serial).isValid)
        #expect(try fixture.verify(serial: record.serial).failure == .revoked)
    }
}
