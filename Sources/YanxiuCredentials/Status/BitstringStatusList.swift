/// The bitstring of a W3C Bitstring Status List v1.0: one bit per certificate, set when it is
/// revoked. Index 0 is the left-most (most significant) bit of the first byte.
public struct BitstringStatusList: Sendable, Equatable {
    /// The specification's minimum length (16 KB), so that one list hides which of many
    /// certificates a verifier asks about.
    public static let minimumEntries = 131_072
    /// The most a decoded list may hold here (16 million entries, 2 MB).
    public static let maximumEntries = 1 << 24

    public private(set) var bytes: [UInt8]

    public var count: Int { bytes.count * 8 }

    public init(entries: Int = minimumEntries) {
        precondition(entries % 8 == 0 && entries >= Self.minimumEntries)
        bytes = [UInt8](repeating: 0, count: entries / 8)
    }

    public subscript(index: Int) -> Bool {
        get { bytes[index / 8] & (0x80 >> UInt8(index % 8)) != 0 }
        set {
            if newValue { bytes[index / 8] |= 0x80 >> UInt8(index % 8) } else { bytes[index / 8] &= ~(0x80 >> UInt8(index % 8)) }
        }
    }

    /// `encodedList`: the multibase base64url (prefix `u`, no padding) of the GZIP of the bits.
    public func encoded() throws -> String {
        "u" + Base64URL.encode(try Gzip.compress(bytes))
    }

    public enum DecodingError: Error, Equatable, CustomStringConvertible {
        case notMultibaseBase64URL
        case notGzip(String)
        case tooShort(entries: Int)

        public var description: String {
            switch self {
            case .notMultibaseBase64URL: "encodedList is not multibase base64url (prefix u)"
            case .notGzip(let detail): "encodedList is not GZIP data: \(detail)"
            case .tooShort(let entries): "the list has \(entries) entries, fewer than the \(BitstringStatusList.minimumEntries) required"
            }
        }
    }

    public init(encoded: String) throws(DecodingError) {
        guard encoded.hasPrefix("u"), let compressed = Base64URL.decode(String(encoded.dropFirst())) else { throw .notMultibaseBase64URL }
        let bits: [UInt8]
        do {
            bits = try Gzip.decompress(compressed, limit: Self.maximumEntries / 8)
        } catch {
            throw .notGzip("\(error)")
        }
        guard bits.count * 8 >= Self.minimumEntries else { throw .tooShort(entries: bits.count * 8) }
        bytes = bits
    }
}
