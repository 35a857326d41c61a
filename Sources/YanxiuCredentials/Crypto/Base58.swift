/// Base58 with the Bitcoin alphabet, as multibase `z` and did:key use it.
///
/// The alphabet drops 0, O, I and l so a key can be read aloud or copied by hand.
/// Leading zero bytes become leading `1`s and back, so the encoding is a bijection
/// between byte strings and strings over the alphabet.
///
/// Both directions take time quadratic in the length, which is nothing for keys and
/// signatures; callers decoding untrusted text bound its length first.
public enum Base58 {
    /// Why a string is not Base58.
    public enum DecodingError: Error, Sendable, Equatable {
        /// The character at this offset (in characters) is not in the alphabet.
        case invalidCharacter(Character, offset: Int)
    }

    public static let alphabet: [UInt8] = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    /// Alphabet index of each ASCII byte, or -1.
    private static let indexOf: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()

    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        let zeros = input.prefix(while: { $0 == 0 }).count
        // Base-58 digits, least significant first; log(256)/log(58) < 1.37.
        var digits: [UInt8] = []
        digits.reserveCapacity(input.count * 137 / 100 + 1)
        for byte in input[zeros...] {
            var carry = Int(byte)
            for i in digits.indices {
                carry += Int(digits[i]) << 8
                digits[i] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        var out = [UInt8](repeating: alphabet[0], count: zeros)
        out.reserveCapacity(zeros + digits.count)
        for digit in digits.reversed() { out.append(alphabet[Int(digit)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ string: String) throws(DecodingError) -> [UInt8] {
        var values: [UInt8] = []
        values.reserveCapacity(string.utf8.count)
        for (offset, character) in string.enumerated() {
            guard let ascii = character.asciiValue, ascii < 128, indexOf[Int(ascii)] >= 0 else {
                throw .invalidCharacter(character, offset: offset)
            }
            values.append(UInt8(indexOf[Int(ascii)]))
        }
        let ones = values.prefix(while: { $0 == 0 }).count
        // Base-256 bytes, least significant first.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 733 / 1000 + 1)
        for value in values[ones...] {
            var carry = Int(value)
            for i in bytes.indices {
                carry += Int(bytes[i]) * 58
                bytes[i] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: ones) + bytes.reversed()
    }
}
