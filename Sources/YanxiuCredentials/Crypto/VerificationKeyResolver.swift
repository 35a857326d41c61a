/// Finds the Ed25519 public key a proof's `verificationMethod` names, without network access.
///
/// Keys travel as raw bytes because swift-crypto's key types are not `Sendable`.
public struct VerificationKeyResolver: Sendable {
    private let resolve: @Sendable (String) -> [UInt8]?

    /// A resolver from a function returning the 32 raw public key bytes, or nil.
    public init(_ resolve: @escaping @Sendable (String) -> [UInt8]?) {
        self.resolve = resolve
    }

    /// The 32 raw public key bytes for a verification method, or nil when unknown.
    public func publicKeyBytes(for verificationMethod: String) -> [UInt8]? {
        resolve(verificationMethod)
    }

    /// `did:key:z6Mk…#z6Mk…` (or a bare `did:key:z6Mk…`): the key is in the identifier.
    public static let didKey = VerificationKeyResolver { method in
        try? DIDKey(verificationMethod: method).publicKeyBytes
    }

    /// did:key, or any URL whose fragment is an Ed25519 multikey (`https://…#z6Mk…`), as
    /// the specification's test vector uses. Such a URL asserts nothing about who holds
    /// the key, so use this only where the caller checks the returned key itself.
    public static let didKeyOrMultibaseFragment = VerificationKeyResolver { method in
        if let bytes = try? DIDKey(verificationMethod: method).publicKeyBytes { return bytes }
        guard let hash = method.lastIndex(of: "#") else { return nil }
        return try? Ed25519Multikey.publicKeyBytes(multibase: String(method[method.index(after: hash)...]))
    }

    /// The same key whatever the proof names: for a caller that already knows the signer.
    public static func fixed(_ publicKeyBytes: [UInt8]) -> VerificationKeyResolver {
        VerificationKeyResolver { _ in publicKeyBytes }
    }

    /// Exactly these verification methods (current and retired issuer keys, say).
    public static func known(_ keys: [String: [UInt8]]) -> VerificationKeyResolver {
        VerificationKeyResolver { method in keys[method] }
    }
}
