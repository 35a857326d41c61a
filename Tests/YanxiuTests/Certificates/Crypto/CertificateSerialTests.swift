import Testing
@testable import Yanxiu

@Suite("Certificate serials")
struct CertificateSerialTests {
    /// Edge numbers plus a seeded random spread.
    static let sample: [CertificateSerial] = {
        var generator = CertificateTestRNG(seed: 36)
        var serials = [0, 1, 31, 32, 0x12345, CertificateSerial.maxNumber - 1, CertificateSerial.maxNumber]
            .map { CertificateSerial(number: $0)! }
        for _ in 0..<300 { serials.append(.random(using: &generator)) }
        return serials
    }()

    @Test("serials print as YX, two groups of four symbols and a check symbol")
    func format() throws {
        #expect(CertificateSerial(number: 0)?.description == "YX-0000-0000-0")
        let serial = try #require(CertificateSerial(number: 0x12_3456_789A))
        #expect(serial.description.count == 14)
        #expect(serial.description.hasPrefix("YX-"))
        #expect(serial.compact == serial.description.replacingOccurrences(of: "-", with: ""))
        // 0x123456789A in 5-bit groups: 00010 01000 11010 00101 01100 11110 00100 11010.
        #expect(serial.description.dropLast(2) == "YX-28T5-CY4T")
        #expect(CertificateSerial(number: CertificateSerial.maxNumber + 1) == nil)
    }

    @Test("distinct numbers give distinct serials")
    func uniqueness() {
        var seen = Set<String>()
        for number in UInt64(0)..<20_000 { seen.insert(CertificateSerial(number: number)!.description) }
        for serial in Self.sample { seen.insert(serial.description) }
        #expect(seen.count == 20_000 + Self.sample.filter { $0.number >= 20_000 }.count)
    }

    @Test("every serial reads back from any way a person may type it")
    func parsing() throws {
        for serial in Self.sample {
            let text = serial.description
            #expect(try CertificateSerial(parsing: text) == serial)
            #expect(try CertificateSerial(parsing: serial.compact) == serial)
            #expect(try CertificateSerial(parsing: text.lowercased()) == serial)
            #expect(try CertificateSerial(parsing: String(text.dropFirst(3))) == serial)
            #expect(try CertificateSerial(parsing: " " + text.replacingOccurrences(of: "-", with: " ") + " ") == serial)
            let confused = text.dropFirst(3).replacingOccurrences(of: "0", with: "O").replacingOccurrences(of: "1", with: "l")
            #expect(try CertificateSerial(parsing: "YX" + confused) == serial)
            #expect(try CertificateSerial(parsing: "yx" + confused.replacingOccurrences(of: "l", with: "i")) == serial)
        }
    }

    @Test("every single wrong symbol at every position is caught")
    func everySubstitutionIsDetected() throws {
        var checked = 0
        for serial in Self.sample {
            let symbols = Array(serial.compact.dropFirst(2))
            for position in symbols.indices {
                for replacement in CrockfordBase32.alphabet where replacement != symbols[position] {
                    var typed = symbols
                    typed[position] = replacement
                    #expect(throws: CertificateSerial.ParseError.checkCharacterMismatch, "\(String(typed))") {
                        try CertificateSerial(parsing: "YX" + String(typed))
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == Self.sample.count * 9 * 31)
    }

    @Test("every swap of two different neighbouring symbols is caught, the prefix included")
    func everyAdjacentSwapIsDetected() throws {
        var checked = 0
        for serial in Self.sample {
            let symbols = Array(serial.compact)
            for position in 0..<(symbols.count - 1) where symbols[position] != symbols[position + 1] {
                var typed = symbols
                typed.swapAt(position, position + 1)
                #expect(throws: CertificateSerial.ParseError.self, "\(String(typed))") {
                    try CertificateSerial(parsing: String(typed))
                }
                checked += 1
            }
        }
        #expect(checked > Self.sample.count * 8)
    }

    @Test("the check sum detects substitutions and neighbour swaps for all symbol values")
    func checkAlgebraIsExhaustive() {
        // The field facts the detection proof rests on, for every pair of symbol values:
        // α·v is a permutation, and (α ⊕ 1)·(v ⊕ w) ≠ 0 when v ≠ w.
        let alphaTimes = (0..<32).map { SerialCheckCharacter.timesAlpha(UInt8($0)) }
        #expect(Set(alphaTimes).count == 32)
        for v in UInt8(0)..<32 {
            for w in UInt8(0)..<32 where v != w {
                // Swapping v, w in a two-symbol tail changes α·v ⊕ w into α·w ⊕ v.
                #expect(SerialCheckCharacter.timesAlpha(v) ^ w != SerialCheckCharacter.timesAlpha(w) ^ v)
            }
        }
        // α generates all 31 non-zero elements.
        var power: UInt8 = 1
        var powers = Set<UInt8>()
        for _ in 0..<31 {
            powers.insert(power)
            power = SerialCheckCharacter.timesAlpha(power)
        }
        #expect(powers.count == 31 && power == 1)
    }

    @Test("text that is not a serial is refused with a reason", arguments: [
        ("", CertificateSerial.ParseError.empty),
        (" - ", .empty),
        ("YX-28T5-CY4T-U", .invalidCharacter("U")),
        ("YX-28T5-CY4T-#", .invalidCharacter("#")),
        ("YX-28T5-CY4T", .wrongLength(10)),
        ("YX-28T5-CY4T-00", .wrongLength(12)),
        ("AB-28T5-CY4T-0", .wrongPrefix),
    ])
    func refusals(text: String, error: CertificateSerial.ParseError) {
        #expect(throws: error) { try CertificateSerial(parsing: text) }
    }
}
