import Foundation
import JSONRPC
import Testing
@testable import Yanxiu

@Suite("RFC 8785 JSON canonicalization")
struct JSONCanonicalizerTests {
    private func canonical(_ text: String) throws -> String {
        String(decoding: try JSONCanonicalizer.canonicalize(jsonText: Array(text.utf8)), as: UTF8.self)
    }

    @Test("the published test data canonicalizes to the published bytes",
          arguments: ["arrays", "french", "structures", "unicode", "values", "weird"])
    func publishedTestData(name: String) throws {
        let input = try CertificateFixtures.bytes("jcs/input/\(name).json")
        let expected = try CertificateFixtures.bytes("jcs/output/\(name).json")
        let output = try JSONCanonicalizer.canonicalize(jsonText: input)
        #expect(output == expected, "\(String(decoding: output, as: UTF8.self))")
        // Canonical text is a fixed point.
        #expect(try JSONCanonicalizer.canonicalize(jsonText: output) == expected)
    }

    @Test("the RFC 8785 section 3.2.2 example gives the section 3.2.4 bytes")
    func rfcMainExample() throws {
        let input = #"""
        {
          "numbers": [333333333.33333329, 1E30, 4.50,
                      2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }
        """#
        let output = try JSONCanonicalizer.canonicalize(jsonText: Array(input.utf8))
        #expect(String(decoding: output, as: UTF8.self)
            == #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#)
        let hex = output.map { String(format: "%02x", $0) }.joined()
        #expect(hex == "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b33333333"
            + "33333333332e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a"
            + "22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d")
    }

    @Test("keys sort by UTF-16 code units, as in RFC 8785 section 3.2.3")
    func rfcSortingExample() throws {
        let input = #"""
        {
          "\u20ac": "Euro Sign",
          "\r": "Carriage Return",
          "\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\ud83d\ude00": "Emoji: Grinning Face",
          "\u0080": "Control",
          "\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """#
        let output = try canonical(input)
        let expectedOrder = [
            "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis",
            "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh",
        ]
        guard case .object(let object) = try JSONParser.parse(output) else {
            Issue.record("not an object: \(output)")
            return
        }
        #expect(object.members.map { $0.value.stringValue ?? "" } == expectedOrder)
        // U+1F600 (surrogates D83D DE00) sorts before U+FB33 in UTF-16, unlike in UTF-32.
        #expect(output.hasPrefix(#"{"\r":"Carriage Return","1":"One","#))
    }

    @Test("strings escape only quote, backslash and C0 controls")
    func stringEscaping() throws {
        var input = "\""
        for scalar in 0..<0x20 { input += String(format: "\\u%04X", scalar) }
        input += #"\"\\\/\u007f\u2028\u00e9\ud83d\ude00中文""#
        let expected = #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#
            + "\\\"\\\\/\u{7F}\u{2028}é😀中文\""
        #expect(try canonical(input) == expected)
    }

    @Test("number literals are written as ECMAScript writes their double", arguments: [
        ("0", "0"), ("-0", "0"), ("-0.0", "0"), ("0e10", "0"), ("1E2", "100"), ("56.0", "56"),
        ("-12", "-12"), ("123456789012345", "123456789012345"), ("1234567890123456", "1234567890123456"),
        ("12345678901234567890", "12345678901234567000"), ("9007199254740993", "9007199254740992"),
        ("1e21", "1e+21"), ("999999999999999999999", "1e+21"), ("1e20", "100000000000000000000"),
        ("0.000001", "0.000001"), ("1e-7", "1e-7"), ("-1.5e-7", "-1.5e-7"), ("0.1", "0.1"),
        ("1e-400", "0"), ("4.50", "4.5"), ("2e-3", "0.002"),
    ])
    func numberLiterals(literal: String, expected: String) throws {
        #expect(try canonical("[\(literal)]") == "[\(expected)]")
    }

    @Test("numbers beyond the double range have no canonical form", arguments: ["1e400", "-1e400", "1e309"])
    func numbersOutOfRange(literal: String) {
        #expect(throws: JSONCanonicalizationError.numberOutOfRange(literal)) {
            try JSONCanonicalizer.canonicalize(jsonText: Array("[\(literal)]".utf8))
        }
    }

    @Test("duplicate keys are refused, also when they only look alike in escapes")
    func duplicateKeys() {
        #expect(throws: JSONCanonicalizationError.duplicateKey("a")) {
            try JSONCanonicalizer.canonicalize(jsonText: Array(#"{"b":1,"a":1,"a":2}"#.utf8))
        }
        #expect(throws: JSONCanonicalizationError.duplicateKey("a")) {
            try JSONCanonicalizer.canonicalize(jsonText: Array(#"{"x":{"a":1,"\u0061":2}}"#.utf8))
        }
    }

    @Test("keys that are canonically equivalent Unicode but different code points are distinct")
    func unicodeEquivalentKeysStayDistinct() throws {
        // "é" precomposed and "e" + combining acute compare equal as Swift Strings.
        let object = JSONValue.object(JSONObject([
            .init(key: "\u{E9}", value: 1),
            .init(key: "e\u{301}", value: 2),
        ]))
        let output = String(decoding: try JSONCanonicalizer.canonicalize(object), as: UTF8.self)
        #expect(output.unicodeScalars.elementsEqual("{\"e\u{301}\":2,\"\u{E9}\":1}".unicodeScalars))
    }

    @Test("invalid JSON text is reported as such")
    func invalidJSON() {
        #expect(throws: JSONCanonicalizationError.self) {
            try JSONCanonicalizer.canonicalize(jsonText: Array("{\"a\":}".utf8))
        }
    }

    @Test("nested arrays and objects keep array order and sort every object")
    func nesting() throws {
        #expect(try canonical(#" [ {"b": [3, 1, {"z": null, "y": []}], "a": {}} , "x" ] "#)
            == #"[{"a":{},"b":[3,1,{"y":[],"z":null}]},"x"]"#)
    }
}
