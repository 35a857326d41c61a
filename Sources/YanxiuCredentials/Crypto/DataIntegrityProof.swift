import Crypto
import Foundation
import JSONValues

/// Creates and verifies W3C Data Integrity proofs of the `eddsa-jcs-2022` cryptosuite
/// ("Data Integrity EdDSA Cryptosuites v1.0", section 3.3).
///
/// The signature covers SHA-256(JCS(proof configuration)) ‖ SHA-256(JCS(document)); the
/// proof configuration is the proof without its `proofValue`, carrying the document's
/// `@context` so that the context cannot be swapped under a valid signature.
public enum DataIntegrityProof {
    public static let proofType = "DataIntegrityProof"
    public static let cryptosuite = "eddsa-jcs-2022"
    public static let assertionMethod = "assertionMethod"

    /// Why a proof could not be created.
    public enum SigningError: Error, Sendable, Equatable {
        /// Only a JSON object can carry a proof.
        case documentNotObject
        /// The document already has a `proof`; proof sets and chains are not supported.
        case documentAlreadySecured
        /// `created` is not an XML Schema dateTimeStamp.
        case invalidCreated(String)
        case canonicalization(JSONCanonicalizationError)
        /// swift-crypto refused to sign (it does not for valid keys).
        case signingFailed
    }

    /// The proof object (with `proofValue`) for an unsecured document: section 3.3.1.
    public static func createProof(
        for document: JSONValue,
        options: Options,
        signingKey: Curve25519.Signing.PrivateKey
    ) throws(SigningError) -> JSONObject {
        guard let unsecured = document.objectValue else { throw .documentNotObject }
        guard members(of: unsecured, named: "proof").isEmpty else { throw .documentAlreadySecured }
        if let created = options.created, !XSDDateTimeStamp.isValid(created) {
            throw .invalidCreated(created)
        }
        var proof = options.proofObject
        // Step 2 of 3.3.1: the proof takes the document's @context, so the configuration
        // hash binds the vocabulary the document is read with.
        if let context = unsecured["@context"] {
            proof.append("@context", context)
        }
        let hash: [UInt8]
        do {
            hash = try hashData(proofConfig: proof, document: unsecured)
        } catch {
            throw .canonicalization(error)
        }
        let signature: Data
        do {
            signature = try signingKey.signature(for: hash)
        } catch {
            throw .signingFailed
        }
        proof.append("proofValue", .string(Multibase.encodeBase58BTC(signature)))
        return proof
    }

    /// The document with a new `proof` member appended.
    public static func sign(
        _ document: JSONValue,
        options: Options,
        signingKey: Curve25519.Signing.PrivateKey
    ) throws(SigningError) -> JSONValue {
        let proof = try createProof(for: document, options: options, signingKey: signingKey)
        guard var secured = document.objectValue else { throw .documentNotObject }
        secured.append("proof", .object(proof))
        return .object(secured)
    }

    /// Section 3.3.4: SHA-256 of the canonical proof configuration, then of the canonical
    /// document, concatenated (64 bytes). This is what Ed25519 signs.
    public static func hashData(proofConfig: JSONObject, document: JSONObject) throws(JSONCanonicalizationError) -> [UInt8] {
        let configBytes = try JSONCanonicalizer.canonicalize(.object(proofConfig))
        let documentBytes = try JSONCanonicalizer.canonicalize(.object(document))
        return Array(SHA256.hash(data: configBytes)) + Array(SHA256.hash(data: documentBytes))
    }

    /// The members whose key is exactly `key`, compared by code units (not by Swift's
    /// canonical-equivalence String equality) so a look-alike key is never taken for it.
    static func members(of object: JSONObject, named key: String) -> [JSONObject.Member] {
        object.members.filter { $0.key.utf8.elementsEqual(key.utf8) }
    }

    /// The object without any member named `key`.
    static func removing(_ key: String, from object: JSONObject) -> JSONObject {
        JSONObject(object.members.filter { !$0.key.utf8.elementsEqual(key.utf8) })
    }
}
