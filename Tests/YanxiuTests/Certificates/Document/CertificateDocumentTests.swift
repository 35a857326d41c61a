import Foundation
import JSONRPC
import Testing
@testable import Yanxiu

/// What an issued certificate says, as a verifier reading the JSON sees it.
@Suite("Certificate documents")
struct CertificateDocumentTests {
    @Test("an issued certificate is a signed VC 2.0 credential carrying every required field", arguments: TestStores.Engine.allCases)
    func issuedDocument(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, name: "王小明", mentalHealth: true, lessons: 18)
        _ = try await fixture.issue()
        let record = try #require(try fixture.certificate(of: 1))
        let document = record.document
        let serial = record.serial.description

        #expect(document["@context"] == ["https://www.w3.org/ns/credentials/v2"])
        #expect(document["type"] == ["VerifiableCredential", "TeacherTrainingCertificate"])
        #expect(document["id"] == .string("urn:yanxiu:certificate:\(serial)"))
        #expect(document["issuer"]?["id"] == .string(fixture.keyring.current.did.did))
        #expect(document["issuer"]?["name"] == "国家中小学智慧教育平台")
        #expect(document["validFrom"] == .string(XSDDateTimeStamp.string(from: Date(timeIntervalSince1970: Double(fixture.clock.nowMs) / 1000))))

        let subject = try #require(document["credentialSubject"])
        #expect(subject["name"] == "王小明")
        #expect(subject["maskedIdNumber"] == "11*****1234")
        #expect(subject["school"]?["name"] == .string(IssuanceFixture.schoolName))
        #expect(subject["school"]?["region"] == ["code": "110108", "name": "北京市海淀区"])
        #expect(subject["training"]?["id"] == .string(IssuanceFixture.topicId))
        #expect(subject["training"]?["title"] == .string(IssuanceFixture.topicTitle))
        #expect(subject["training"]?["window"]?["start"] == "2023-01-09T00:00:00+08:00")
        #expect(subject["training"]?["window"]?["end"] == "2023-03-01T00:00:00+08:00")
        #expect(subject["qualifyingRole"] == "mentalHealthTeacher")
        #expect(subject["lessonsCompleted"] == 18)
        #expect(subject["recognisedHours"] == 18)
        #expect(subject["serial"] == .string(serial))

        let proof = try #require(document["proof"])
        #expect(proof["type"] == "DataIntegrityProof")
        #expect(proof["cryptosuite"] == "eddsa-jcs-2022")
        #expect(proof["proofPurpose"] == "assertionMethod")
        #expect(proof["verificationMethod"] == .string(fixture.keyring.current.verificationMethod))
        #expect(proof["proofValue"]?.stringValue?.hasPrefix("z") == true)
        #expect(DataIntegrityProof.verify(document).isValid, "verifies with the key its did:key carries")
    }

    @Test("the full ID number never appears in a certificate", arguments: TestStores.Engine.allCases)
    func idNumberIsMasked(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, homeroom: true, lessons: 10)
        _ = try await fixture.issue()
        let record = try #require(try fixture.certificate(of: 1))
        #expect(!record.canonical.contains("110108198001011234"))
    }

    @Test("the stored form is the RFC 8785 canonical form of the document", arguments: TestStores.Engine.allCases)
    func storedCanonically(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, homeroom: true, lessons: 10)
        _ = try await fixture.issue()
        let record = try #require(try fixture.certificate(of: 1))
        #expect(try JSONCanonicalizer.canonicalize(record.document) == Array(record.canonical.utf8))
    }

    @Test("print data comes from the signed document", arguments: TestStores.Engine.allCases)
    func printData(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, name: "李华", homeroom: true, lessons: 12)
        _ = try await fixture.issue()
        let record = try #require(try fixture.certificate(of: 1))
        let print = try #require(CertificatePrintData(document: record.document))
        #expect(print.teacherName == "李华")
        #expect(print.schoolName == IssuanceFixture.schoolName)
        #expect(print.regionName == "北京市海淀区")
        #expect(print.topicTitle == IssuanceFixture.topicTitle)
        #expect(print.trainingWindow == "2023年1月9日至2023年2月28日")
        #expect(print.recognisedHours == 12)
        #expect(print.issueDate == "2023年3月1日")
        #expect(print.serial == record.serial.description)
        #expect(print.verificationHint.contains("证书核验网页") && !print.verificationHint.contains("yanxiuctl"))
        let digest = try #require(CertificateDigest(document: record.document))
        #expect(print.qrText == "\(record.serial) SHA-256:\(digest.base64url)")
        #expect(digest.base64url.count == 43)

        let linked = try #require(CertificatePrintData(document: record.document, verificationURL: "https://v.example/verify/"))
        #expect(linked.verificationHint.contains("https://v.example/verify/"))
        #expect(linked.qrText == "https://v.example/verify/?serial=\(record.serial)&sha256=\(digest.base64url)")
    }
}
