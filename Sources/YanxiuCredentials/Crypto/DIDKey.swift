import Crypto

/// A `did:key` identifier for an Ed25519 public key: the key itself, so it resolves offline.
///
/// `did:key:z6Mk…` is the DID; its one verification method is `did:key:z6Mk…#z6Mk…`.
public struct DIDKey: Sendable, Hashable, CustomStringConvertible {
    public static let scheme = "did:key:"

    /// Why a string is not an Ed25519 did:key (or its verification method).
    public enum ParseError: Error, Sendable, Equatable {
        case notDIDKey
        case key(Ed25519Multikey.DecodingError)
        /// The fragment of a verification method id does not name the DID's own key.
        case fragmentMismatch
    }

    /// The multibase public key, `z6Mk…`.
    public let multibaseKey: String
    /// The 32 raw public key bytes.
    public let publicKeyBytes: [UInt8]

    public init(publicKey: Curve25519.Signing.PublicKey) {
        multibaseKey = Ed25519Multikey.publicKeyMultibase(publicKey)
        publicKeyBytes = Array(publicKey.rawRepresentation)
    }

    /// Parses `did:key:z6Mk…`.
    public init(_ did: String) throws(ParseError) {
        guard did.hasPrefix(Self.scheme) else { throw .notDIDKey }
        let key = String(did.dropFirst(Self.scheme.count))
        do {
            publicKeyBytes = try Ed25519Multikey.publicKeyBytes(multibase: key)
        } catch {
            throw .key(error)
        }
        // Keep the text we were given: it is the canonical encoding whenever it decoded,
        // because Base58 of a fixed-length value has exactly one spelling.
        multibaseKey = key
    }

    /// Parses a verification method id `did:key:z6Mk…#z6Mk…`; a bare DID is accepted too.
    public init(verificationMethod: String) throws(ParseError) {
        guard let hash = verificationMethod.firstIndex(of: "#") else {
            try self.init(verificationMethod)
            return
        }
        try self.init(String(verificationMethod[..<hash]))
        guard verificationMethod[verificationMethod.index(after: hash)...] == multibaseKey else {
            throw .fragmentMismatch
        }
    }

    /// `did:key:z6Mk…`
    public var did: String { Self.scheme + multibaseKey }

    /// `did:key:z6Mk…#z6Mk…`, the id a proof's `verificationMethod` names.
    public var verificationMethodID: String { did + "#" + multibaseKey }

    public var publicKey: Curve25519.Signing.PublicKey {
        get throws { try Curve25519.Signing.PublicKey(rawRepresentation: publicKeyBytes) }
    }

    public var description: String { did }
}
