import Testing
@testable import Yanxiu

@Suite("ECMAScript number serialisation")
struct ECMAScriptNumberFormatterTests {
    /// RFC 8785 appendix B, every finite row.
    static let rfcTable: [(String, String)] = [
        ("0000000000000000", "0"),
        ("8000000000000000", "0"),
        ("0000000000000001", "5e-324"),
        ("8000000000000001", "-5e-324"),
        ("7fefffffffffffff", "1.7976931348623157e+308"),
        ("ffefffffffffffff", "-1.7976931348623157e+308"),
        ("4340000000000000", "9007199254740992"),
        ("c340000000000000", "-9007199254740992"),
        ("4430000000000000", "295147905179352830000"),
        ("44b52d02c7e14af5", "9.999999999999997e+22"),
        ("44b52d02c7e14af6", "1e+23"),
        ("44b52d02c7e14af7", "1.0000000000000001e+23"),
        ("444b1ae4d6e2ef4e", "999999999999999700000"),
        ("444b1ae4d6e2ef4f", "999999999999999900000"),
        ("444b1ae4d6e2ef50", "1e+21"),
        ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
        ("3eb0c6f7a0b5ed8d", "0.000001"),
        ("41b3de4355555553", "333333333.3333332"),
        ("41b3de4355555554", "333333333.33333325"),
        ("41b3de4355555555", "333333333.3333333"),
        ("41b3de4355555556", "333333333.3333334"),
        ("41b3de4355555557", "333333333.33333343"),
        ("becbf647612f3696", "-0.0000033333333333333333"),
        ("43143ff3c1cb0959", "1424953923781206.2"),
    ]

    @Test("RFC 8785 appendix B", arguments: rfcTable)
    func rfcAppendixB(hex: String, expected: String) throws {
        let bits = try #require(UInt64(hex, radix: 16))
        #expect(ECMAScriptNumberFormatter.string(Double(bitPattern: bits)) == expected)
    }

    @Test("NaN and the infinities have no JSON form", arguments: ["7fffffffffffffff", "7ff0000000000000", "fff0000000000000"])
    func nonFinite(hex: String) throws {
        let bits = try #require(UInt64(hex, radix: 16))
        #expect(ECMAScriptNumberFormatter.string(Double(bitPattern: bits)) == nil)
    }

    @Test("4,000 doubles print as Node.js prints them")
    func nodeSample() throws {
        let lines = try CertificateFixtures.text("jcs/es-number-sample.txt").split(separator: "\n")
        #expect(lines.count == 4000)
        var mismatches: [String] = []
        for line in lines {
            let fields = line.split(separator: ",")
            let bits = try #require(UInt64(fields[0], radix: 16))
            let got = ECMAScriptNumberFormatter.string(Double(bitPattern: bits))
            if got != String(fields[1]) { mismatches.append("\(line) got \(got ?? "nil")") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("the layout switches to exponent form exactly at 1e21 and below 1e-6")
    func layoutBoundaries() {
        #expect(ECMAScriptNumberFormatter.string(1e21) == "1e+21")
        #expect(ECMAScriptNumberFormatter.string(1e21.nextDown) == "999999999999999900000")
        #expect(ECMAScriptNumberFormatter.string(1e-6) == "0.000001")
        #expect(ECMAScriptNumberFormatter.string(1e-7) == "1e-7")
        #expect(ECMAScriptNumberFormatter.string(123e-20) == "1.23e-18")
        #expect(ECMAScriptNumberFormatter.string(-0.0) == "0")
        #expect(ECMAScriptNumberFormatter.string(0.5) == "0.5")
        #expect(ECMAScriptNumberFormatter.string(100) == "100")
    }
}
