import Crypto

/// Ed25519 keys as Multikey multibase strings (`z6Mk…` public, `z3u2…` private).
public enum Ed25519Multikey {
    /// Why a string is not an Ed25519 multikey.
    public enum DecodingError: Error, Sendable, Equatable {
        case multibase(Multibase.DecodingError)
        case multicodec(Multicodec.DecodingError)
        /// The 32 bytes are not a valid key for swift-crypto.
        case invalidKey
        /// Far longer than any 34-byte value can be in Base58 (refused before decoding,
        /// which takes time quadratic in the length).
        case tooLong
    }

    /// 34 bytes take at most 47 Base58 characters, plus the multibase prefix.
    static let maxMultibaseLength = 48

    public static func publicKeyMultibase(_ key: Curve25519.Signing.PublicKey) -> String {
        Multibase.encodeBase58BTC(Multicodec.ed25519Public.tag(key.rawRepresentation))
    }

    public static func privateKeyMultibase(_ key: Curve25519.Signing.PrivateKey) -> String {
        Multibase.encodeBase58BTC(Multicodec.ed25519Private.tag(key.rawRepresentation))
    }

    /// The raw 32 public key bytes of a `z6Mk…` string.
    public static func publicKeyBytes(multibase: String) throws(DecodingError) -> [UInt8] {
        try payload(multibase, codec: .ed25519Public)
    }

    public static func publicKey(multibase: String) throws(DecodingError) -> Curve25519.Signing.PublicKey {
        let bytes = try publicKeyBytes(multibase: multibase)
        do {
            return try Curve25519.Signing.PublicKey(rawRepresentation: bytes)
        } catch {
            throw .invalidKey
        }
    }

    /// The private key whose 32-byte seed a `z3u2…` string carries.
    public static func privateKey(multibase: String) throws(DecodingError) -> Curve25519.Signing.PrivateKey {
        let seed = try payload(multibase, codec: .ed25519Private)
        do {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        } catch {
            throw .invalidKey
        }
    }

    private static func payload(_ multibase: String, codec: Multicodec) throws(DecodingError) -> [UInt8] {
        guard multibase.utf8.count <= maxMultibaseLength else { throw .tooLong }
        let bytes: [UInt8]
        do {
            bytes = try Multibase.decode(multibase)
        } catch {
            throw .multibase(error)
        }
        do {
            return try codec.untag(bytes, length: 32)
        } catch {
            throw .multicodec(error)
        }
    }
}
