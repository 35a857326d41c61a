/// Multibase text encoding of bytes; only base58-btc (prefix `z`), the one Data Integrity
/// and did:key use, is supported.
public enum Multibase {
    /// Why a multibase string could not be decoded.
    public enum DecodingError: Error, Sendable, Equatable {
        case empty
        /// The prefix names an encoding this code does not speak.
        case unsupportedEncoding(Character)
        case invalidBase58(Base58.DecodingError)
    }

    public static let base58BTCPrefix: Character = "z"

    /// `z` followed by the Base58 (Bitcoin alphabet) text of the bytes.
    public static func encodeBase58BTC(_ bytes: some Collection<UInt8>) -> String {
        String(base58BTCPrefix) + Base58.encode(bytes)
    }

    /// The bytes of a base58-btc multibase string.
    public static func decode(_ string: String) throws(DecodingError) -> [UInt8] {
        guard let prefix = string.first else { throw .empty }
        guard prefix == base58BTCPrefix else { throw .unsupportedEncoding(prefix) }
        do {
            return try Base58.decode(String(string.dropFirst()))
        } catch {
            throw .invalidBase58(error)
        }
    }
}
