/// Douglas Crockford's Base32 symbols: digits and capitals without I, L, O and U.
///
/// Leaving out the letters people confuse with 1 and 0 lets a reader map them back when
/// typing (`O`→`0`, `I`/`L`→`1`), and case never matters.
public enum CrockfordBase32 {
    /// The 32 symbols in value order.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// Symbol value of each ASCII byte after normalisation, or -1.
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, symbol) in alphabet.enumerated() {
            let upper = symbol.asciiValue!
            table[Int(upper)] = Int8(value)
            if symbol.isLetter { table[Int(upper + 0x20)] = Int8(value) }
        }
        for (confusable, value) in [("O", 0), ("o", 0), ("I", 1), ("i", 1), ("L", 1), ("l", 1)] {
            table[Int(Character(confusable).asciiValue!)] = Int8(value)
        }
        return table
    }()

    /// The value 0…31 a typed character stands for (case-insensitive, confusables mapped),
    /// or nil for a character that is not a symbol (`U` included: Crockford reserves it).
    public static func value(of character: Character) -> UInt8? {
        guard let ascii = character.asciiValue, ascii < 128, values[Int(ascii)] >= 0 else { return nil }
        return UInt8(values[Int(ascii)])
    }

    /// The symbol for a value 0…31.
    public static func symbol(_ value: UInt8) -> Character {
        alphabet[Int(value)]
    }
}
