import Crypto
import Foundation
import JSONValues

extension DataIntegrityProof {
    /// Verifies the `eddsa-jcs-2022` proof of a secured document: section 3.3.2.
    ///
    /// - Parameters:
    ///   - keys: how to find the public key of the proof's `verificationMethod`.
    ///   - expectedProofPurpose: the purpose the verifier requires (Data Integrity, "Verify Proof").
    ///   - now: when given, a proof whose `expires` is earlier is refused.
    public static func verify(
        _ securedDocument: JSONValue,
        keys: VerificationKeyResolver = .didKey,
        expectedProofPurpose: String = DataIntegrityProof.assertionMethod,
        now: Date? = nil
    ) -> DataIntegrityVerification {
        do {
            return .valid(try check(securedDocument, keys: keys, expectedProofPurpose: expectedProofPurpose, now: now))
        } catch {
            return .invalid(error)
        }
    }

    private static func check(
        _ securedDocument: JSONValue,
        keys: VerificationKeyResolver,
        expectedProofPurpose: String,
        now: Date?
    ) throws(DataIntegrityFailure) -> VerifiedProof {
        guard let secured = securedDocument.objectValue else { throw .documentMalformed("not a JSON object") }
        let proofs = members(of: secured, named: "proof")
        guard let proofMember = proofs.first else { throw .proofMissing }
        guard proofs.count == 1 else { throw .proofMalformed("more than one proof member") }
        guard let proof = proofMember.value.objectValue else {
            throw .proofMalformed("proof is not an object (proof sets are not supported)")
        }

        let fields = try ProofFields(proof)
        guard fields.type == proofType else { throw .unknownProofType(fields.type) }
        guard fields.cryptosuite == cryptosuite else { throw .unknownCryptosuite(fields.cryptosuite) }
        guard fields.proofPurpose == expectedProofPurpose else {
            throw .proofPurposeMismatch(expected: expectedProofPurpose, actual: fields.proofPurpose)
        }
        if let expires = fields.expires, let now, expires.date < now { throw .proofExpired(expires.text) }

        // Steps 1-2: the document without its proof, the proof without its value.
        var unsecured = removing("proof", from: secured)
        let proofOptions = removing("proofValue", from: proof)

        // Step 4: a proof that carries @context was made over a document whose @context
        // began with it; later contexts may have been appended (by a later proof, say), so
        // the document is checked against the proof's context and hashed with it.
        let proofContexts = members(of: proofOptions, named: "@context")
        if let proofContext = proofContexts.last?.value {
            guard proofContexts.count == 1 else { throw .proofMalformed("more than one @context") }
            let documentContexts = members(of: unsecured, named: "@context")
            guard documentContexts.count == 1,
                  try contextList(documentContexts[0].value).starts(with: contextList(proofContext))
            else { throw .contextMismatch }
            unsecured = removing("@context", from: unsecured)
            unsecured.append("@context", proofContext)
        }

        guard let keyBytes = keys.publicKeyBytes(for: fields.verificationMethod),
              let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
        else { throw .verificationMethodUnresolved(fields.verificationMethod) }

        // Steps 5-8.
        let hash: [UInt8]
        do {
            hash = try hashData(proofConfig: proofOptions, document: unsecured)
        } catch {
            throw .documentMalformed(error.description)
        }
        guard publicKey.isValidSignature(fields.signature, for: hash) else { throw .signatureInvalid }
        return VerifiedProof(
            verificationMethod: fields.verificationMethod,
            publicKeyBytes: keyBytes,
            proofPurpose: fields.proofPurpose,
            created: fields.created
        )
    }

    /// An `@context` value as the list of its entries (a single entry may stand alone),
    /// each as canonical bytes so that equality is exact, not Unicode-equivalent.
    private static func contextList(_ context: JSONValue) throws(DataIntegrityFailure) -> [[UInt8]] {
        let entries = context.arrayValue ?? [context]
        var list: [[UInt8]] = []
        for entry in entries {
            do {
                list.append(try JSONCanonicalizer.canonicalize(entry))
            } catch {
                throw .documentMalformed("@context: \(error)")
            }
        }
        return list
    }
}

/// The members of a proof that verification reads, checked for presence and form.
private struct ProofFields {
    var type: String
    var cryptosuite: String
    var verificationMethod: String
    var proofPurpose: String
    var created: String?
    var expires: (text: String, date: Date)?
    var signature: [UInt8]

    init(_ proof: JSONObject) throws(DataIntegrityFailure) {
        func string(_ key: String) throws(DataIntegrityFailure) -> String {
            let found = DataIntegrityProof.members(of: proof, named: key)
            guard found.count == 1, let text = found[0].value.stringValue else {
                throw .proofMalformed(found.count > 1 ? "more than one \(key)" : "\(key) must be a string")
            }
            return text
        }
        func optionalString(_ key: String) throws(DataIntegrityFailure) -> String? {
            DataIntegrityProof.members(of: proof, named: key).isEmpty ? nil : try string(key)
        }
        type = try string("type")
        cryptosuite = try optionalString("cryptosuite") ?? ""
        verificationMethod = try string("verificationMethod")
        proofPurpose = try string("proofPurpose")
        created = try optionalString("created")
        if let created, !XSDDateTimeStamp.isValid(created) {
            throw .proofMalformed("created is not an XML Schema dateTimeStamp")
        }
        if let text = try optionalString("expires") {
            guard let date = XSDDateTimeStamp.date(from: text) else {
                throw .proofMalformed("expires is not an XML Schema dateTimeStamp")
            }
            expires = (text, date)
        }
        let proofValue = try string("proofValue")
        // 64 bytes take at most 88 Base58 characters; refuse anything longer before the
        // quadratic decoding, so a hostile document cannot make verification slow.
        guard proofValue.utf8.count <= 89 else { throw .proofMalformed("proofValue is too long for an Ed25519 signature") }
        let bytes: [UInt8]
        do {
            bytes = try Multibase.decode(proofValue)
        } catch {
            throw .proofMalformed("proofValue is not base58-btc multibase")
        }
        guard bytes.count == 64 else { throw .proofMalformed("proofValue is not a 64-byte Ed25519 signature") }
        signature = bytes
    }
}
