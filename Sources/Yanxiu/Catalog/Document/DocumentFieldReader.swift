import Foundation
import JSONValues

/// Reads fields out of caller-written JSON (topic documents, enrolment forms) and collects
/// every problem with its path instead of stopping at the first, so a refusal lists them all.
struct DocumentFieldReader {
    private(set) var problems: [FieldProblem] = []

    mutating func report(_ path: String, _ reason: String) {
        problems.append(FieldProblem(field: path, reason: reason))
    }

    /// `base.key`, or `key` at the top level.
    static func path(_ base: String, _ key: String) -> String { base.isEmpty ? key : base + "." + key }

    /// Reports each member whose key is not one of `known`: a misspelt optional field
    /// would otherwise be dropped without anyone noticing.
    mutating func rejectUnknown(_ object: JSONObject, known: Set<String>, at base: String) {
        for key in object.keys where !known.contains(key) { report(Self.path(base, key), "unknown") }
    }

    /// The member, or nil after reporting `required` when it is absent or null and required.
    private mutating func value(_ object: JSONObject, _ key: String, at base: String, required: Bool) -> JSONValue? {
        guard let value = object[key], !value.isNull else {
            if required { report(Self.path(base, key), "required") }
            return nil
        }
        return value
    }

    /// A string with surrounding whitespace removed; `empty` when nothing is left.
    mutating func string(_ object: JSONObject, _ key: String, at base: String, required: Bool = true, maxLength: Int = 200) -> String? {
        guard let value = value(object, key, at: base, required: required) else { return nil }
        guard let text = value.stringValue else { report(Self.path(base, key), "type"); return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            if required { report(Self.path(base, key), "empty") }
            return required ? nil : ""
        }
        guard trimmed.count <= maxLength else { report(Self.path(base, key), "too_long"); return nil }
        return trimmed
    }

    mutating func integer(_ object: JSONObject, _ key: String, at base: String, required: Bool = true, range: ClosedRange<Int64>) -> Int64? {
        guard let value = value(object, key, at: base, required: required) else { return nil }
        guard let number = value.numberValue else { report(Self.path(base, key), "type"); return nil }
        guard let integer = number.int64 else { report(Self.path(base, key), "not_integer"); return nil }
        guard range.contains(integer) else { report(Self.path(base, key), "out_of_range"); return nil }
        return integer
    }

    mutating func number(_ object: JSONObject, _ key: String, at base: String, required: Bool = true, range: ClosedRange<Double>) -> Double? {
        guard let value = value(object, key, at: base, required: required) else { return nil }
        guard let number = value.doubleValue else { report(Self.path(base, key), "type"); return nil }
        guard range.contains(number) else { report(Self.path(base, key), "out_of_range"); return nil }
        return number
    }

    mutating func bool(_ object: JSONObject, _ key: String, at base: String, required: Bool = true) -> Bool? {
        guard let value = value(object, key, at: base, required: required) else { return nil }
        guard let flag = value.boolValue else { report(Self.path(base, key), "type"); return nil }
        return flag
    }

    mutating func object(_ object: JSONObject, _ key: String, at base: String, required: Bool = true) -> JSONObject? {
        guard let value = value(object, key, at: base, required: required) else { return nil }
        guard let member = value.objectValue else { report(Self.path(base, key), "type"); return nil }
        return member
    }

    /// An array with at least `minCount` elements (`empty` otherwise).
    mutating func array(_ object: JSONObject, _ key: String, at base: String, required: Bool = true, minCount: Int = 0, maxCount: Int = 10_000) -> [JSONValue]? {
        guard let value = value(object, key, at: base, required: required) else { return nil }
        guard let elements = value.arrayValue else { report(Self.path(base, key), "type"); return nil }
        guard elements.count >= minCount else { report(Self.path(base, key), elements.isEmpty ? "empty" : "too_few"); return nil }
        guard elements.count <= maxCount else { report(Self.path(base, key), "too_many"); return nil }
        return elements
    }

    /// An RFC 3339 instant with an explicit offset, in ms since the epoch.
    mutating func instant(_ object: JSONObject, _ key: String, at base: String) -> Int64? {
        guard let text = string(object, key, at: base, maxLength: 64) else { return nil }
        guard let ms = Timestamp.parse(text) else { report(Self.path(base, key), "format"); return nil }
        return ms
    }

    /// An id of a document element: ASCII letters, digits, `.`, `_` and `-`, starting with a letter or digit.
    mutating func identifier(_ object: JSONObject, _ key: String, at base: String) -> String? {
        guard let text = string(object, key, at: base, maxLength: 64) else { return nil }
        guard Self.isIdentifier(text) else { report(Self.path(base, key), "format"); return nil }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-")
        }
    }
}
