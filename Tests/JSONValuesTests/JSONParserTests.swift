import Testing
@testable import JSONValues

@Suite("JSON parser and writer")
struct JSONParserTests {
    @Test("round-trips values compactly", arguments: [
        #"{"a":1,"b":[true,false,null],"c":"x"}"#,
        #"[]"#, #"{}"#, #"-0.5e+10"#, #""\u0000\n\"\\""#, #"[1.0,1e3,-0]"#, #""中文""#,
    ])
    func roundTrip(text: String) throws {
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(JSONWriter.string(value)) == value)
    }

    @Test("keeps number literals exactly")
    func numberLiterals() throws {
        let value = try JSONParser.parse("[1.0, 1e3, 12345678901234567890, -0]")
        #expect(JSONWriter.string(value) == "[1.0,1e3,12345678901234567890,-0]")
        #expect(value.arrayValue?[1].int64Value == 1000)
        #expect(value.arrayValue?[2].int64Value == nil)
        #expect(value.arrayValue?[0].int64Value == 1)
    }

    @Test("decodes escapes and surrogate pairs")
    func escapes() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00 \u4e2d\t""#) == .string("😀 中\t"))
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#""\ud83d""#) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#""\ude00""#) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#""\x""#) }
    }

    @Test("refuses malformed JSON", arguments: [
        "", " ", "{", "[1,]", "{\"a\":}", "{\"a\" 1}", "01", "1.", ".5", "+1", "1e", "tru", "nul", "[1] x",
        "{\"a\":1,}", "'a'", "\"abc", "\"a\u{01}\"", "NaN", "Infinity", "[1 2]", "{1:2}",
    ])
    func malformed(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test("refuses invalid UTF-8 inside strings")
    func invalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParseError(reason: .invalidUTF8, offset: 3)) { try JSONParser.parse(bytes) }
        let truncated: [UInt8] = [0x22, 0xE4, 0xB8, 0x22]
        #expect(throws: JSONParseError.self) { try JSONParser.parse(truncated) }
    }

    @Test("refuses nesting beyond the limit without exhausting the stack")
    func deepNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONParser.parse(fine)) != nil)
    }

    @Test("writer escapes control characters and never emits a raw newline")
    func writerEscapes() {
        let text = JSONWriter.string(.string("a\nb\u{01}\"\\"))
        #expect(text == #""a\nb\u0001\"\\""#)
        #expect(!text.contains("\n"))
    }

    @Test("later duplicate keys win on lookup")
    func duplicateKeys() throws {
        let value = try JSONParser.parse(#"{"a":1,"a":2}"#)
        #expect(value["a"] == .int(2))
    }
}
