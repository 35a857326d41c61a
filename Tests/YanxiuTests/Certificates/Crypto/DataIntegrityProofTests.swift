import Crypto
import Foundation
import JSONRPC
import Testing
@testable import Yanxiu

@Suite("eddsa-jcs-2022 Data Integrity proofs")
struct DataIntegrityProofTests {
    static let vectorProofValue = "z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4"

    private func vector() throws -> JSONValue { try CertificateFixtures.json("eddsa-jcs-2022/signed.json") }

    private func vectorKey() throws -> Curve25519.Signing.PrivateKey {
        try Ed25519Multikey.privateKey(multibase: DIDKeyTests.privateKeyMultibase)
    }

    private func unsecured(_ document: JSONValue) throws -> JSONValue {
        let object = try #require(document.objectValue)
        return .object(DataIntegrityProof.removing("proof", from: object))
    }

    @Test("signing the specification's unsecured credential reproduces its proof byte for byte")
    func reproducesSpecificationVector() throws {
        let signed = try vector()
        let vectorProof = try #require(signed["proof"]?.objectValue)
        let options = DataIntegrityProof.Options(
            verificationMethod: try #require(vectorProof["verificationMethod"]?.stringValue),
            created: Date(timeIntervalSince1970: 1_677_281_798)  // 2023-02-24T23:36:38Z
        )
        #expect(options.created == "2023-02-24T23:36:38Z")
        let proof = try DataIntegrityProof.createProof(for: try unsecured(signed), options: options, signingKey: try vectorKey())
        #expect(proof["proofValue"]?.stringValue == Self.vectorProofValue)
        // The whole proof, @context copied from the document included, member for member.
        #expect(proof == vectorProof)
        #expect(try DataIntegrityProof.sign(try unsecured(signed), options: options, signingKey: try vectorKey()) == signed)
    }

    @Test("the specification's signed credential verifies")
    func verifiesSpecificationVector() throws {
        let signed = try vector()
        let result = DataIntegrityProof.verify(signed, keys: .didKeyOrMultibaseFragment)
        let proven = try #require({ if case .valid(let proof) = result { proof } else { nil } }(), "\(result)")
        #expect(proven.verificationMethod == "https://vc.example/issuers/5678#\(DIDKeyTests.publicKeyMultibase)")
        #expect(proven.publicKeyBytes == Array(try vectorKey().publicKey.rawRepresentation))
        #expect(proven.created == "2023-02-24T23:36:38Z")
        // A caller that knows the issuer key may pass it instead.
        #expect(DataIntegrityProof.verify(signed, keys: .fixed(proven.publicKeyBytes)).isValid)
        // Plain did:key resolution does not trust an https URL's fragment.
        #expect(DataIntegrityProof.verify(signed).reason == "proof.key_unresolved")
    }

    @Test("changing, removing or adding any member anywhere makes the credential invalid")
    func everyTamperingIsDetected() throws {
        let signed = try vector()
        var tampered = 0
        for variant in DocumentTampering.variants(of: signed) {
            let result = DataIntegrityProof.verify(variant.document, keys: .didKeyOrMultibaseFragment)
            #expect(!result.isValid, "still valid after \(variant.label)")
            tampered += 1
        }
        #expect(tampered > 40)
    }

    @Test("altering a signed field fails with signature.invalid", arguments: [
        (["name"], "Alumni Credential "),
        (["credentialSubject", "alumniOf"], "The School of Exampels"),
        (["credentialSubject", "id"], "did:example:abcdefgi"),
        (["validFrom"], "2023-01-01T00:00:01Z"),
        (["issuer"], "https://vc.example/issuers/5679"),
        (["proof", "created"], "2023-02-24T23:36:39Z"),
        (["proof", "nonce"], "added to the proof"),
    ] as [([String], JSONValue)])
    func alteredFieldsBreakTheSignature(path: [String], value: JSONValue) throws {
        let altered = DocumentTampering.setting(path, to: value, in: try vector())
        #expect(DataIntegrityProof.verify(altered, keys: .didKeyOrMultibaseFragment).reason == "signature.invalid")
    }

    @Test("a context appended after the proof's context still verifies, as the specification allows")
    func appendedContextIsAllowed() throws {
        var document = try #require(try vector().objectValue)
        var contexts = try #require(document["@context"]?.arrayValue)
        contexts.append("https://example.org/later/v1")
        document["@context"] = .array(contexts)
        #expect(DataIntegrityProof.verify(.object(document), keys: .didKeyOrMultibaseFragment).isValid)
        // …but a context that no longer starts with the proof's does not.
        document["@context"] = .array(Array(contexts.reversed()))
        #expect(DataIntegrityProof.verify(.object(document), keys: .didKeyOrMultibaseFragment).reason == "proof.context_mismatch")
    }

    @Test("a certificate signed with a fresh did:key verifies offline from the document alone")
    func freshKeyRoundTrip() throws {
        let key = Curve25519.Signing.PrivateKey()
        let issuer = DIDKey(publicKey: key.publicKey)
        let document: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential", "TrainingCertificate"],
            "issuer": ["id": .string(issuer.did), "name": "国家中小学教师培训平台"],
            "validFrom": "2023-03-02T09:00:00+08:00",
            "credentialSubject": ["name": "张伟", "recognisedHours": 20, "lessons": 15, "ratio": 0.75],
        ]
        let options = DataIntegrityProof.Options(verificationMethod: issuer.verificationMethodID, created: Date())
        let signed = try DataIntegrityProof.sign(document, options: options, signingKey: key)
        let result = DataIntegrityProof.verify(signed)
        #expect(result.isValid, "\(result)")
        if case .valid(let proof) = result { #expect(proof.publicKeyBytes == issuer.publicKeyBytes) }
        // Only the listed keys are trusted when the caller says so.
        let other = DIDKey(publicKey: Curve25519.Signing.PrivateKey().publicKey)
        #expect(DataIntegrityProof.verify(signed, keys: .known([other.verificationMethodID: other.publicKeyBytes])).reason
            == "proof.key_unresolved")
        #expect(DataIntegrityProof.verify(signed, keys: .known([issuer.verificationMethodID: issuer.publicKeyBytes])).isValid)
    }

    @Test("a name rewritten in another Unicode normal form no longer verifies")
    func unicodeNormalisationIsAnAlteration() throws {
        let key = Curve25519.Signing.PrivateKey()
        let issuer = DIDKey(publicKey: key.publicKey)
        let signed = try DataIntegrityProof.sign(
            ["credentialSubject": ["name": "Zoë"]],
            options: .init(verificationMethod: issuer.verificationMethodID, created: nil),
            signingKey: key
        )
        // Swift compares these two strings as equal; their bytes differ, and so must the verdict.
        let decomposed = DocumentTampering.setting(["credentialSubject", "name"], to: "Zoe\u{308}", in: signed)
        #expect(DataIntegrityProof.verify(signed).isValid)
        #expect(DataIntegrityProof.verify(decomposed).reason == "signature.invalid")
    }

    @Test("a proof signed by another key than its verification method names is invalid")
    func wrongSigner() throws {
        let named = DIDKey(publicKey: Curve25519.Signing.PrivateKey().publicKey)
        let signed = try DataIntegrityProof.sign(
            ["id": "urn:x"],
            options: .init(verificationMethod: named.verificationMethodID, created: nil),
            signingKey: Curve25519.Signing.PrivateKey()
        )
        #expect(DataIntegrityProof.verify(signed).reason == "signature.invalid")
    }

    @Test("malformed or foreign proofs are refused with their reason", arguments: [
        (["proof", "cryptosuite"], JSONValue.string("eddsa-rdfc-2022"), "proof.unknown_cryptosuite"),
        (["proof", "type"], "Ed25519Signature2020", "proof.unknown_type"),
        (["proof", "proofPurpose"], "authentication", "proof.purpose_mismatch"),
        (["proof", "proofValue"], "uAAAA", "proof.malformed"),
        (["proof", "proofValue"], "z2NEpo7TZRRrLZSi2U", "proof.malformed"),
        (["proof", "proofValue"], 42, "proof.malformed"),
        (["proof", "proofValue"], .string("z" + String(repeating: "Z", count: 200_000)), "proof.malformed"),
        (["proof", "verificationMethod"], .string("did:key:z" + String(repeating: "Z", count: 200_000)), "proof.key_unresolved"),
        (["proof", "created"], "yesterday", "proof.malformed"),
        (["proof", "verificationMethod"], .null, "proof.malformed"),
        (["proof", "@context"], "https://www.w3.org/ns/credentials/v1", "proof.context_mismatch"),
        (["proof"], "not a proof", "proof.malformed"),
    ] as [([String], JSONValue, String)])
    func refusals(path: [String], value: JSONValue, reason: String) throws {
        let document = DocumentTampering.setting(path, to: value, in: try vector())
        #expect(DataIntegrityProof.verify(document, keys: .didKeyOrMultibaseFragment).reason == reason)
    }

    @Test("documents without a proof, or that are not objects, or have duplicate keys, are refused")
    func structuralRefusals() throws {
        let signed = try vector()
        #expect(DataIntegrityProof.verify(try unsecured(signed)).reason == "proof.missing")
        #expect(DataIntegrityProof.verify(["a", "b"]).reason == "document.malformed")
        var duplicated = try #require(signed.objectValue)
        duplicated.append("name", "Second name")
        #expect(DataIntegrityProof.verify(.object(duplicated), keys: .didKeyOrMultibaseFragment).reason == "document.malformed")
    }

    @Test("an expired proof is refused when the verifier gives the time")
    func expiry() throws {
        let key = Curve25519.Signing.PrivateKey()
        let issuer = DIDKey(publicKey: key.publicKey)
        var proof = try DataIntegrityProof.createProof(
            for: ["id": "urn:x"],
            options: .init(verificationMethod: issuer.verificationMethodID, createdTimestamp: "2024-01-01T00:00:00Z"),
            signingKey: key
        )
        #expect(proof["expires"] == nil)
        // expires must be signed over, so build the proof again with it among the options.
        proof["proofValue"] = nil
        proof["expires"] = "2024-06-01T00:00:00Z"
        let hash = try DataIntegrityProof.hashData(proofConfig: proof, document: JSONObject([.init(key: "id", value: "urn:x")]))
        proof["proofValue"] = .string(Multibase.encodeBase58BTC(try key.signature(for: hash)))
        let document: JSONValue = ["id": "urn:x", "proof": .object(proof)]
        #expect(DataIntegrityProof.verify(document).isValid)
        #expect(DataIntegrityProof.verify(document, now: XSDDateTimeStamp.date(from: "2024-05-31T23:59:59Z")).isValid)
        #expect(DataIntegrityProof.verify(document, now: XSDDateTimeStamp.date(from: "2024-06-01T00:00:01Z")).reason == "proof.expired")
    }

    @Test("signing refuses what cannot carry a proof")
    func signingRefusals() throws {
        let key = Curve25519.Signing.PrivateKey()
        let method = DIDKey(publicKey: key.publicKey).verificationMethodID
        let options = DataIntegrityProof.Options(verificationMethod: method, created: nil)
        #expect(throws: DataIntegrityProof.SigningError.documentNotObject) {
            try DataIntegrityProof.sign(["a"], options: options, signingKey: key)
        }
        #expect(throws: DataIntegrityProof.SigningError.documentAlreadySecured) {
            try DataIntegrityProof.sign(try vector(), options: options, signingKey: key)
        }
        #expect(throws: DataIntegrityProof.SigningError.invalidCreated("2024-13-01T00:00:00Z")) {
            try DataIntegrityProof.sign(
                ["a": 1], options: .init(verificationMethod: method, createdTimestamp: "2024-13-01T00:00:00Z"), signingKey: key)
        }
        #expect(throws: DataIntegrityProof.SigningError.canonicalization(.numberOutOfRange("1e999"))) {
            try DataIntegrityProof.sign(["a": .number(JSONNumber(literal: "1e999"))], options: options, signingKey: key)
        }
    }
}

/// Every small change one could make to a JSON document, each with a label.
enum DocumentTampering {
    struct Variant {
        var label: String
        var document: JSONValue
    }

    static func variants(of value: JSONValue, at path: String = "$") -> [Variant] {
        var out: [Variant] = []
        switch value {
        case .string(let text):
            out.append(Variant(label: "changing \(path)", document: .string(text + "x")))
            out.append(Variant(label: "emptying \(path)", document: .string("")))
        case .number, .bool, .null:
            out.append(Variant(label: "replacing \(path)", document: "replaced"))
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                for inner in variants(of: element, at: "\(path)[\(index)]") {
                    var copy = elements
                    copy[index] = inner.document
                    out.append(Variant(label: inner.label, document: .array(copy)))
                }
                var shorter = elements
                shorter.remove(at: index)
                out.append(Variant(label: "removing \(path)[\(index)]", document: .array(shorter)))
            }
            if elements.count > 1 {
                out.append(Variant(label: "reversing \(path)", document: .array(elements.reversed())))
            }
        case .object(let object):
            for (index, member) in object.members.enumerated() {
                for inner in variants(of: member.value, at: "\(path).\(member.key)") {
                    var members = object.members
                    members[index].value = inner.document
                    out.append(Variant(label: inner.label, document: .object(JSONObject(members))))
                }
                var members = object.members
                members.remove(at: index)
                out.append(Variant(label: "removing \(path).\(member.key)", document: .object(JSONObject(members))))
            }
            var added = object
            added.append("extra", "added")
            out.append(Variant(label: "adding a member to \(path)", document: .object(added)))
        }
        return out
    }

    /// The document with the member at `path` set to `value` (created if missing).
    static func setting(_ path: [String], to value: JSONValue, in document: JSONValue) -> JSONValue {
        guard let key = path.first else { return value }
        var object = document.objectValue ?? JSONObject()
        object[key] = setting(Array(path.dropFirst()), to: value, in: object[key] ?? .null)
        return .object(object)
    }
}
