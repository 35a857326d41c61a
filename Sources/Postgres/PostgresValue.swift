import Foundation

/// A value bound to a statement parameter (`$1`, `$2`, ...).
///
/// Numbers, booleans and text go as text, which the server reads by the parameter's type; bytes go
/// in binary, so a `BYTEA` parameter needs no escaping.
public enum PostgresValue: Sendable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case text(String)
    case bytes(Data)
}

/// A Swift value that can be bound to a statement parameter.
public protocol PostgresBindable {
    var postgresValue: PostgresValue { get }
}

extension Int64: PostgresBindable { public var postgresValue: PostgresValue { .int(self) } }
extension Int: PostgresBindable { public var postgresValue: PostgresValue { .int(Int64(self)) } }
extension Int32: PostgresBindable { public var postgresValue: PostgresValue { .int(Int64(self)) } }
extension Double: PostgresBindable { public var postgresValue: PostgresValue { .double(self) } }
extension Bool: PostgresBindable { public var postgresValue: PostgresValue { .bool(self) } }
extension String: PostgresBindable { public var postgresValue: PostgresValue { .text(self) } }
extension Substring: PostgresBindable { public var postgresValue: PostgresValue { .text(String(self)) } }
extension Data: PostgresBindable { public var postgresValue: PostgresValue { .bytes(self) } }
extension PostgresValue: PostgresBindable { public var postgresValue: PostgresValue { self } }

extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    public var postgresValue: PostgresValue { self?.postgresValue ?? .null }
}

/// Arrays bind as PostgreSQL array literals (`{1,2,3}`), for `= ANY($1)` and `unnest($1::bigint[])`.
extension Array: PostgresBindable where Element: PostgresArrayElement {
    public var postgresValue: PostgresValue {
        .text("{" + map(\.arrayLiteral).joined(separator: ",") + "}")
    }
}

/// A value that can stand in a PostgreSQL array literal.
public protocol PostgresArrayElement {
    var arrayLiteral: String { get }
}

extension Int64: PostgresArrayElement { public var arrayLiteral: String { String(self) } }
extension Int: PostgresArrayElement { public var arrayLiteral: String { String(self) } }
extension Bool: PostgresArrayElement { public var arrayLiteral: String { self ? "t" : "f" } }
extension Double: PostgresArrayElement { public var arrayLiteral: String { Self.exact(self) } }
extension String: PostgresArrayElement {
    public var arrayLiteral: String {
        var quoted = "\""
        for character in unicodeScalars {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.unicodeScalars.append(character)
        }
        return quoted + "\""
    }
}
extension Optional: PostgresArrayElement where Wrapped: PostgresArrayElement {
    public var arrayLiteral: String { self?.arrayLiteral ?? "NULL" }
}

extension Double {
    /// The shortest text that reads back as the same double.
    static func exact(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
        return "\(value)"
    }
}

/// Byte strings as one `bytea[]` parameter (`$1::bytea[]`), hex-encoded without a formatter per byte.
public struct PostgresByteaArray: PostgresBindable {
    let values: [Data]

    public init(_ values: [Data]) {
        self.values = values
    }

    private static let digits = Array("0123456789abcdef".utf8)

    public var postgresValue: PostgresValue {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(values.reduce(2) { $0 + 2 * $1.count + 6 })
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            // "\\x..." inside the array literal: the doubled backslash reaches bytea as one.
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: "x")])
            for byte in value {
                bytes.append(Self.digits[Int(byte >> 4)])
                bytes.append(Self.digits[Int(byte & 0x0f)])
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return .text(String(decoding: bytes, as: UTF8.self))
    }
}
