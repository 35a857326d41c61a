import JSONValues

/// Why a JSON value has no RFC 8785 canonical form.
public enum JSONCanonicalizationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input bytes are not JSON at all.
    case invalidJSON(JSONParseError)
    /// An object names the same key twice (I-JSON forbids it, and a signer and a verifier
    /// that kept different duplicates would disagree about what was signed).
    case duplicateKey(String)
    /// A number literal lies outside the range of IEEE-754 doubles (e.g. `1e400`).
    case numberOutOfRange(String)

    public var description: String {
        switch self {
        case .invalidJSON(let error): "invalid JSON: \(error)"
        case .duplicateKey(let key): "duplicate key \"\(key)\""
        case .numberOutOfRange(let literal): "number \(literal) is outside the IEEE-754 double range"
        }
    }
}

/// RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence a JSON value hashes as.
///
/// Members are sorted by the UTF-16 code units of their keys, there is no whitespace,
/// strings escape only what JSON requires, and numbers are written as ECMAScript writes
/// the IEEE-754 double they denote.
public enum JSONCanonicalizer {
    /// The canonical UTF-8 bytes of a value.
    public static func canonicalize(_ value: JSONValue) throws(JSONCanonicalizationError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        try write(value, into: &out)
        return out
    }

    /// Parses JSON text and returns its canonical UTF-8 bytes.
    public static func canonicalize(jsonText bytes: some Collection<UInt8>) throws(JSONCanonicalizationError) -> [UInt8] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .invalidJSON(error)
        }
        return try canonicalize(value)
    }

    /// Appends the canonical bytes of `value` to `out`.
    public static func write(_ value: JSONValue, into out: inout [UInt8]) throws(JSONCanonicalizationError) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): try writeNumber(number, into: &out)
        case .string(let string): writeString(string, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            try writeObject(object, into: &out)
        }
    }

    private static func writeObject(_ object: JSONObject, into out: inout [UInt8]) throws(JSONCanonicalizationError) {
        // Keys are compared as UTF-16 code unit arrays, not as Swift Strings: String
        // comparison follows Unicode canonical equivalence, which would both misorder keys
        // and call "é" and "e\u{301}" the same key.
        let sorted = object.members
            .map { (units: Array($0.key.utf16), member: $0) }
            .sorted { $0.units.lexicographicallyPrecedes($1.units) }
        out.append(UInt8(ascii: "{"))
        for (index, entry) in sorted.enumerated() {
            if index > 0 {
                if sorted[index - 1].units == entry.units { throw .duplicateKey(entry.member.key) }
                out.append(UInt8(ascii: ","))
            }
            writeString(entry.member.key, into: &out)
            out.append(UInt8(ascii: ":"))
            try write(entry.member.value, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func writeNumber(_ number: JSONNumber, into out: inout [UInt8]) throws(JSONCanonicalizationError) {
        let literal = number.literal
        if isSmallInteger(literal) {
            // JSON forbids leading zeros, so "-0" is the only spelling ECMAScript rewrites.
            out.append(contentsOf: literal == "-0" ? "0".utf8 : literal.utf8)
            return
        }
        guard let double = Double(literal), let text = ECMAScriptNumberFormatter.string(double) else {
            throw .numberOutOfRange(literal)
        }
        out.append(contentsOf: text.utf8)
    }

    /// Whether the literal is an integer of at most 15 digits: every such integer is exactly
    /// a double and ECMAScript prints it digit for digit, so the round trip through `Double`
    /// can be skipped. Certificates are full of such counts.
    private static func isSmallInteger(_ literal: String) -> Bool {
        var utf8 = literal.utf8[...]
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        // A JSONNumber built in code rather than parsed may carry a leading zero; those
        // take the slow path, which reads them as ECMAScript would.
        return !utf8.isEmpty && utf8.count <= 15 && (utf8.first != UInt8(ascii: "0") || utf8.count == 1)
            && utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// RFC 8785 section 3.2.2.2: escape `"`, `\` and the C0 controls, nothing else.
    ///
    /// Kept here rather than borrowed from `JSONWriter` on purpose: the wire writer may one
    /// day escape more (say U+2028 for script safety), and signed bytes must never change.
    static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x00..<0x20:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default:
                // UTF-8 continuation and lead bytes are never below 0x80, so copying bytes
                // one by one keeps every non-ASCII character literal.
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
