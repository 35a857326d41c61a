/// A certificate's serial as people read, type and say it: `YX-7K2M-9QDT-4`.
///
/// Eight Crockford Base32 symbols carry a 40-bit number (distinct numbers give distinct
/// serials), then one check symbol that catches any single wrong symbol and any swap of
/// neighbours (``SerialCheckCharacter``). Parsing forgives case, dashes, spaces and the
/// look-alike letters O, I and L.
public struct CertificateSerial: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let prefix = "YX"
    public static let numberBits = 40
    public static let maxNumber: UInt64 = (1 << 40) - 1
    static let dataSymbolCount = 8

    /// Why text is not a certificate serial.
    public enum ParseError: Error, Sendable, Equatable {
        case empty
        /// A character that is not a Crockford symbol, dash or space.
        case invalidCharacter(Character)
        /// Not 9 symbols (or `YX` and 9 symbols) after normalisation.
        case wrongLength(Int)
        /// Eleven symbols that do not begin with `YX`.
        case wrongPrefix
        /// The check symbol does not match: a symbol was mistyped or two were swapped.
        case checkCharacterMismatch
    }

    /// The number the serial encodes, below 2⁴⁰.
    public let number: UInt64

    /// The serial of a number, or nil when it does not fit in 40 bits.
    public init?(number: UInt64) {
        guard number <= Self.maxNumber else { return nil }
        self.number = number
    }

    /// A serial from a uniformly random 40-bit number; the caller must still make sure it
    /// was not issued before (among 100,000 serials a repeat has odds of about 1 in 200).
    public static func random(using generator: inout some RandomNumberGenerator) -> CertificateSerial {
        CertificateSerial(number: UInt64.random(in: 0...maxNumber, using: &generator))!
    }

    /// Parses a serial as a person may type it: `yx-7k2m-9qdt-4`, `YX7K2M9QDT4`, `7K2M 9QDT 4`.
    public init(parsing text: String) throws(ParseError) {
        var values: [UInt8] = []
        for character in text where character != "-" && character != " " {
            guard let value = CrockfordBase32.value(of: character) else { throw .invalidCharacter(character) }
            values.append(value)
        }
        if values.isEmpty { throw .empty }
        let bare = Self.dataSymbolCount + 1
        let prefixValues = Self.prefix.map { CrockfordBase32.value(of: $0)! }
        if values.count == prefixValues.count + bare {
            guard values.starts(with: prefixValues) else { throw .wrongPrefix }
            values.removeFirst(prefixValues.count)
        } else if values.count != bare {
            throw .wrongLength(values.count)
        }
        guard SerialCheckCharacter.isValid(values) else { throw .checkCharacterMismatch }
        number = values.dropLast().reduce(0) { $0 << 5 | UInt64($1) }
    }

    /// The eight data symbol values, most significant first.
    var dataValues: [UInt8] {
        (0..<Self.dataSymbolCount).reversed().map { UInt8(truncatingIfNeeded: number >> (5 * UInt64($0))) & 0x1F }
    }

    /// The check symbol.
    public var checkCharacter: Character {
        CrockfordBase32.symbol(SerialCheckCharacter.checkValue(for: dataValues))
    }

    /// `YX-7K2M-9QDT-4`: the form printed on certificates and stored.
    public var description: String {
        let symbols = dataValues.map(CrockfordBase32.symbol)
        return Self.prefix + "-" + String(symbols[0..<4]) + "-" + String(symbols[4..<8]) + "-" + String(checkCharacter)
    }

    /// `YX7K2M9QDT4`: without separators, for URNs and file names.
    public var compact: String {
        description.filter { $0 != "-" }
    }

    public static func < (lhs: CertificateSerial, rhs: CertificateSerial) -> Bool {
        lhs.number < rhs.number
    }
}
