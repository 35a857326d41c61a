import Foundation
import JSONRPC
import Testing
@testable import Yanxiu

/// What anyone can check from the file alone, without the daemon.
@Suite("Offline certificate check")
struct OfflineCheckTests {
    @Test("an issued certificate checks out offline, naming its issuer and serial")
    func valid() async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued()
        defer { fixture.cleanUp() }
        let check = OfflineCertificateCheck(record.document)
        #expect(check.valid && check.reason == nil)
        #expect(check.issuerDID == fixture.keyring.current.did.did)
        #expect(check.serial == record.serial)
        #expect(check.subject?.name == "王小明")
    }

    @Test("a changed field fails offline")
    func tampered() async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued()
        defer { fixture.cleanUp() }
        let forged = CertificateVerificationTests.tampered(record.document, at: ["credentialSubject", "recognisedHours"])
        let check = OfflineCertificateCheck(forged)
        #expect(!check.valid && check.reason == "signature.invalid")
    }

    @Test("a proof by a key other than the issuer's is refused even though it verifies")
    func issuerMismatch() async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued()
        defer { fixture.cleanUp() }
        // Re-sign the same content with a forger's key but keep our issuer id.
        let forger = IssuerKey.generate()
        var unsigned = try #require(CertificateDocument.withoutProof(record.document).objectValue)
        unsigned["issuer"] = ["id": .string(fixture.keyring.current.did.did), "name": "国家中小学智慧教育平台"]
        let forged = try DataIntegrityProof.sign(
            .object(unsigned), options: .init(verificationMethod: forger.verificationMethod, created: Date()), signingKey: forger.privateKey)
        let check = OfflineCertificateCheck(forged)
        #expect(!check.valid && check.reason == "issuer.mismatch")
    }

    @Test("something that is not one of our certificates is document.malformed")
    func notACertificate() {
        #expect(OfflineCertificateCheck(["hello": "world"]).reason == "document.malformed")
    }
}
