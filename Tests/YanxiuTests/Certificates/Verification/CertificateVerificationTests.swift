import Foundation
import JSONRPC
import Testing
@testable import Yanxiu

/// `certificate.verify`: valid only for what we issued, unchanged and not revoked.
@Suite("Certificate verification")
struct CertificateVerificationTests {
    /// A fixture holding one issued certificate.
    static func issued(_ engine: TestStores.Engine = .sqlite) async throws -> (IssuanceFixture, CertificateRecord) {
        let fixture = try await IssuanceFixture(engine)
        try fixture.teacher(1, name: "王小明", mentalHealth: true, lessons: 18)
        _ = try await fixture.issue()
        return (fixture, try #require(try fixture.certificate(of: 1)))
    }

    @Test("an issued certificate verifies by serial and as a document", arguments: TestStores.Engine.allCases)
    func validCertificate(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await Self.issued(engine)
        defer { fixture.cleanUp() }
        let bySerial = try fixture.verify(serial: record.serial)
        #expect(bySerial.isValid && bySerial.failure == nil)
        #expect(bySerial.record.flatMap { CertificateDocument.subject(of: $0.document) }?.name == "王小明")
        #expect(try fixture.verify(document: record.document).isValid)
    }

    @Test("an unknown serial is certificate.unknown", arguments: TestStores.Engine.allCases)
    func unknownSerial(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await Self.issued(engine)
        defer { fixture.cleanUp() }
        let other = CertificateSerial(number: record.serial.number ^ 1)!
        #expect(try fixture.verify(serial: other).failure == .unknown)
    }

    /// Every path to a leaf of the document (object members and array elements).
    static func leafPaths(_ value: JSONValue, _ prefix: [String] = []) -> [[String]] {
        switch value {
        case .object(let object): object.members.flatMap { leafPaths($0.value, prefix + [$0.key]) }
        case .array(let elements): elements.indices.flatMap { leafPaths(elements[$0], prefix + ["#\($0)"]) }
        default: [prefix]
        }
    }

    /// The value with the leaf at `path` replaced by a slightly different one.
    static func tampered(_ value: JSONValue, at path: [String]) -> JSONValue {
        guard let head = path.first else {
            switch value {
            case .string(let text): return .string(text.isEmpty ? "x" : String(text.dropLast()) + (text.last == "1" ? "2" : "1"))
            case .number(let number): return .int64((number.int64 ?? 0) + 1)
            case .bool(let flag): return .bool(!flag)
            default: return "x"
            }
        }
        switch value {
        case .object(var object):
            object[head] = tampered(object[head] ?? .null, at: Array(path.dropFirst()))
            return .object(object)
        case .array(var elements):
            let index = Int(head.dropFirst())!
            elements[index] = tampered(elements[index], at: Array(path.dropFirst()))
            return .array(elements)
        default:
            return value
        }
    }

    @Test("changing any single field makes the certificate invalid, with the reason", arguments: TestStores.Engine.allCases)
    func tamperingAnyField(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await Self.issued(engine)
        defer { fixture.cleanUp() }
        let paths = Self.leafPaths(record.document)
        #expect(paths.count >= 25, "\(paths.count) leaves")
        for path in paths {
            let forged = Self.tampered(record.document, at: path)
            #expect(forged != record.document)
            let verdict = try fixture.verify(document: forged)
            #expect(!verdict.isValid, "tampering \(path) went unnoticed")
            if path.first == "proof" {
                // The content is what was issued: only the proof is wrong.
                #expect(verdict.failure == .signatureInvalid, "\(path): \(String(describing: verdict.failure))")
            } else if path == ["id"] {
                // A changed id no longer names any serial of ours (its check character fails).
                #expect(verdict.failure == .signatureInvalid, "\(path): \(String(describing: verdict.failure))")
            } else {
                #expect(verdict.failure == .altered, "\(path): \(String(describing: verdict.failure))")
            }
        }
    }

    @Test("an added member is noticed too", arguments: TestStores.Engine.allCases)
    func addedMember(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await Self.issued(engine)
        defer { fixture.cleanUp() }
        var object = try #require(record.document.objectValue)
        var subject = try #require(object["credentialSubject"]?.objectValue)
        subject["honours"] = "省级骨干教师"
        object["credentialSubject"] = .object(subject)
        #expect(try fixture.verify(document: .object(object)).failure == .altered)
    }

    @Test("a document re-signed with another key is signature.invalid, even as a valid did:key proof", arguments: TestStores.Engine.allCases)
    func foreignKey(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await Self.issued(engine)
        defer { fixture.cleanUp() }
        let forger = IssuerKey.generate()
        var subject = try #require(CertificateDocument.subject(of: record.document))
        subject.recognisedHours = 20
        let forged = try CertificateSigner(key: forger, issuerName: "国家中小学智慧教育平台")
            .sign(.init(accountID: 1, serial: record.serial, subject: subject), issuedAt: Date())
        let document = try JSONParser.parse(forged.canonical)
        #expect(DataIntegrityProof.verify(document).isValid, "a perfectly good proof, by the wrong key")
        let verdict = try fixture.verify(document: document)
        #expect(!verdict.isValid)
        #expect(verdict.failure == .altered, "its serial is ours, its content is not what we issued")
        #expect(verdict.detail == "proof.key_unresolved")

        let unknownSerial = try CertificateSigner(key: forger, issuerName: "x")
            .sign(.init(accountID: 1, serial: CertificateSerial(number: 42)!, subject: subject), issuedAt: Date())
        #expect(try fixture.verify(document: JSONParser.parse(unknownSerial.canonical)).failure == .signatureInvalid)
    }

    @Test("a document signed with our key but never issued is certificate.unknown", arguments: TestStores.Engine.allCases)
    func signedButNotIssued(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await Self.issued(engine)
        defer { fixture.cleanUp() }
        let subject = try #require(CertificateDocument.subject(of: record.document))
        let stray = try CertificateSigner(key: fixture.keyring.current, issuerName: fixture.keyring.issuerName)
            .sign(.init(accountID: 1, serial: CertificateSerial(number: 7)!, subject: subject), issuedAt: Date())
        #expect(try fixture.verify(document: JSONParser.parse(stray.canonical)).failure == .unknown)
    }

    @Test("a stored certificate edited behind the daemon's back fails by serial", arguments: TestStores.Engine.allCases)
    func editedInDatabase(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await Self.issued(engine)
        defer { fixture.cleanUp() }
        try fixture.sql.execute("UPDATE certificate SET document = replace(document, '\"recognisedHours\":18', '\"recognisedHours\":20')")
        #expect(try fixture.verify(serial: record.serial).failure == .signatureInvalid)
    }

    @Test("certificates signed with a retired key still verify", arguments: TestStores.Engine.allCases)
    func retiredKeyStaysKnown(engine: TestStores.Engine) async throws {
        let (fixture, record) = try await Self.issued(engine)
        defer { fixture.cleanUp() }
        let next = IssuerKey.generate()
        let keyring = try await fixture.store.write { tx in
            try IssuerKeyring.register(tx.certificates, key: next, issuerName: fixture.keyring.issuerName, now: 1)
        }
        #expect(keyring.known.count == 2)
        #expect(keyring.current.verificationMethod == next.verificationMethod)
        let retired: Int64? = try fixture.sql.value("SELECT retired_at FROM issuer_key WHERE verification_method = ?",
                                                    [fixture.keyring.current.verificationMethod])
        #expect(retired == 1)
        let verifier = CertificateVerifier(keyring: keyring)
        #expect(try await fixture.store.read { tx in try verifier.verify(tx.certificates, document: record.document) }.isValid)
        #expect(try await fixture.store.read { tx in try verifier.verify(tx.certificates, serial: record.serial) }.isValid)
    }
}
