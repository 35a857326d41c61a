/// The outcome of checking a Data Integrity proof: valid with what was proven, or why not.
public enum DataIntegrityVerification: Sendable, Hashable {
    case valid(VerifiedProof)
    case invalid(DataIntegrityFailure)

    public var isValid: Bool {
        if case .valid = self { true } else { false }
    }

    public var failure: DataIntegrityFailure? {
        if case .invalid(let failure) = self { failure } else { nil }
    }

    /// The stable dotted reason of a failure (`signature.invalid`, …), nil when valid.
    public var reason: String? { failure?.reason }
}

/// What a valid proof established. Callers must still decide whether they trust the key:
/// anyone can make a valid proof with a key of their own.
public struct VerifiedProof: Sendable, Hashable {
    /// The `verificationMethod` the proof names.
    public let verificationMethod: String
    /// The 32-byte Ed25519 public key that verified the signature.
    public let publicKeyBytes: [UInt8]
    public let proofPurpose: String
    /// The proof's `created` text, when it has one.
    public let created: String?
}

/// Why a secured document did not verify, each with a stable dotted `reason`.
public enum DataIntegrityFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The secured document is not a JSON object, or has no canonical form (duplicate keys,
    /// numbers out of range).
    case documentMalformed(String)
    /// There is no `proof` member.
    case proofMissing
    /// A required proof member is absent or ill-formed; the text says which.
    case proofMalformed(String)
    /// The proof `type` is not `DataIntegrityProof`.
    case unknownProofType(String)
    /// The `cryptosuite` is not `eddsa-jcs-2022`.
    case unknownCryptosuite(String)
    /// The proof was made for another purpose than the verifier expects.
    case proofPurposeMismatch(expected: String, actual: String)
    /// The document's `@context` does not start with the proof's `@context`.
    case contextMismatch
    /// The proof's `expires` lies in the past.
    case proofExpired(String)
    /// No public key could be found for the `verificationMethod`.
    case verificationMethodUnresolved(String)
    /// The signature does not match the document and proof options: they were altered
    /// after signing, or another key signed.
    case signatureInvalid

    public var reason: String {
        switch self {
        case .documentMalformed: "document.malformed"
        case .proofMissing: "proof.missing"
        case .proofMalformed: "proof.malformed"
        case .unknownProofType: "proof.unknown_type"
        case .unknownCryptosuite: "proof.unknown_cryptosuite"
        case .proofPurposeMismatch: "proof.purpose_mismatch"
        case .contextMismatch: "proof.context_mismatch"
        case .proofExpired: "proof.expired"
        case .verificationMethodUnresolved: "proof.key_unresolved"
        case .signatureInvalid: "signature.invalid"
        }
    }

    public var description: String {
        switch self {
        case .documentMalformed(let detail): "document malformed: \(detail)"
        case .proofMissing: "the document has no proof"
        case .proofMalformed(let detail): "proof malformed: \(detail)"
        case .unknownProofType(let type): "unknown proof type \"\(type)\""
        case .unknownCryptosuite(let suite): "unknown cryptosuite \"\(suite)\""
        case .proofPurposeMismatch(let expected, let actual): "proof purpose is \"\(actual)\", expected \"\(expected)\""
        case .contextMismatch: "the document's @context does not start with the proof's @context"
        case .proofExpired(let expires): "the proof expired at \(expires)"
        case .verificationMethodUnresolved(let method): "no key for verification method \(method)"
        case .signatureInvalid: "the signature does not match"
        }
    }
}
