import Foundation
import JSONRPC
import Testing
@testable import Yanxiu
@testable import YanxiuCredentials

/// Reading a certificate's revocation bit from a status list, offline: every way a list can
/// fail to apply gets its own reason, and only a list signed by the certificate's issuer counts.
@Suite("Certificate status check")
struct CertificateStatusCheckTests {
    static let issuer = IssuerKey.generate()
    static let listURL = "https://v.example/verify/status-1.json"

    static func certificate(index: Int? = 94_567, listURL: String = listURL) -> JSONValue {
        var document: JSONObject = [
            "@context": [.string(CertificateDocument.context)], "type": ["VerifiableCredential", .string(CertificateDocument.certificateType)],
            "issuer": ["id": .string(issuer.did.did), "name": "平台"],
        ]
        if let index { document["credentialStatus"] = CertificateStatusEntry(listID: 1, index: index, listURL: listURL).json }
        return .object(document)
    }

    static func list(
        revoked: [Int] = [94_567], signedBy key: IssuerKey = issuer, id: String = listURL, purpose: String = "revocation",
        encodedList: String? = nil
    ) throws -> JSONValue {
        var bits = BitstringStatusList()
        for index in revoked { bits[index] = true }
        let unsigned: JSONValue = [
            "@context": [.string(CertificateDocument.context)], "id": .string(id),
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": ["id": .string(key.did.did), "name": "平台"], "validFrom": "2023-03-01T00:00:00Z",
            "credentialSubject": [
                "id": .string(id + "#list"), "type": "BitstringStatusList", "statusPurpose": .string(purpose),
                "encodedList": .string(try encodedList ?? bits.encoded()),
            ],
        ]
        return try DataIntegrityProof.sign(
            unsigned, options: .init(verificationMethod: key.verificationMethod, created: Date(timeIntervalSince1970: 1_677_600_000)),
            signingKey: key.privateKey)
    }

    @Test("the certificate's bit decides: set is revoked, clear is not")
    func bit() throws {
        #expect(CertificateStatusCheck(certificate: Self.certificate(), list: try Self.list()) == .revoked(listID: Self.listURL))
        #expect(CertificateStatusCheck(certificate: Self.certificate(), list: try Self.list(revoked: [94_566, 94_568]))
            == .notRevoked(listID: Self.listURL))
    }

    @Test("a certificate without an entry has no status here")
    func noEntry() throws {
        #expect(CertificateStatusCheck(certificate: Self.certificate(index: nil), list: try Self.list()) == .noEntry)
    }

    @Test("another list, another signer, a changed list, another purpose and a short list are each refused with their reason")
    func unusable() throws {
        func reason(_ check: CertificateStatusCheck) -> String? {
            if case .unusableList(let reason, _) = check { return reason }
            return nil
        }
        let certificate = Self.certificate()
        #expect(reason(CertificateStatusCheck(certificate: certificate, list: try Self.list(id: "https://v.example/verify/status-2.json")))
            == "status_list.other")
        #expect(reason(CertificateStatusCheck(certificate: certificate, list: try Self.list(signedBy: IssuerKey.generate())))
            == "status_list.issuer_mismatch")
        // A list whose bit was cleared after signing.
        var altered = try Self.list()
        let cleared = try BitstringStatusList().encoded()
        if case .object(var object) = altered, case .object(var subject) = object["credentialSubject"] {
            subject["encodedList"] = .string(cleared)
            object["credentialSubject"] = .object(subject)
            altered = .object(object)
        }
        #expect(reason(CertificateStatusCheck(certificate: certificate, list: altered)) == "status_list.signature_invalid")
        #expect(reason(CertificateStatusCheck(certificate: certificate, list: try Self.list(purpose: "suspension"))) == "status_list.malformed")
        let short = "u" + Base64URL.encode(try Gzip.compress([UInt8](repeating: 0, count: 1024)))
        #expect(reason(CertificateStatusCheck(certificate: certificate, list: try Self.list(encodedList: short))) == "status_list.malformed")
        #expect(reason(CertificateStatusCheck(certificate: certificate, list: ["type": "VerifiableCredential"])) == "status_list.malformed")
    }
}
