/// The multicodec tags that say what kind of key a byte string holds.
///
/// Each tag is the unsigned-varint encoding of its code: 0xed for an Ed25519 public key,
/// 0x1300 for an Ed25519 private key (its 32-byte seed).
public enum Multicodec: Sendable, Hashable, CaseIterable {
    case ed25519Public
    case ed25519Private

    /// The varint prefix bytes.
    public var prefix: [UInt8] {
        switch self {
        case .ed25519Public: [0xED, 0x01]
        case .ed25519Private: [0x80, 0x26]
        }
    }

    /// Why tagged bytes are not the expected kind of key.
    public enum DecodingError: Error, Sendable, Equatable {
        case wrongPrefix(expected: Multicodec)
        case wrongLength(expected: Int, actual: Int)
    }

    /// The prefix followed by the payload.
    public func tag(_ payload: some Collection<UInt8>) -> [UInt8] {
        prefix + Array(payload)
    }

    /// The payload of bytes carrying this tag, which must be `length` bytes long.
    public func untag(_ bytes: [UInt8], length: Int) throws(DecodingError) -> [UInt8] {
        guard bytes.starts(with: prefix) else { throw .wrongPrefix(expected: self) }
        let payload = Array(bytes.dropFirst(prefix.count))
        guard payload.count == length else { throw .wrongLength(expected: length, actual: payload.count) }
        return payload
    }
}
