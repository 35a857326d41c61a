import Crypto

/// The platform's Ed25519 signing key and the did:key that names it.
///
/// Holds the 32-byte seed rather than a swift-crypto key, which is not `Sendable`;
/// signers make their own `PrivateKey` from it on the thread that signs.
public struct IssuerKey: Sendable {
    public let seed: [UInt8]
    public let did: DIDKey

    public init(seed: [UInt8]) throws {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        self.seed = seed
        did = DIDKey(publicKey: key.publicKey)
    }

    /// A fresh random key.
    public static func generate() -> IssuerKey {
        // A new key's own seed always makes a valid key.
        try! IssuerKey(seed: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
    }

    public var privateKey: Curve25519.Signing.PrivateKey {
        // The seed was checked in init.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    }

    /// `did:key:z6Mk…#z6Mk…`, what proofs name as their verificationMethod.
    public var verificationMethod: String { did.verificationMethodID }

    /// The key as a Multikey private key string (`z3u2…`), the form of the key file.
    public var multibase: String { Ed25519Multikey.privateKeyMultibase(privateKey) }
}
