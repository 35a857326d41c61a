import Foundation
import Postgres

/// One value on its way from SQLite to PostgreSQL, in the form both engines' rows reduce to.
/// Booleans are the integers 0 and 1, as SQLite keeps them.
enum CopyValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bytes(Data)
}

extension CopyValue {
    /// The element of a PostgreSQL array literal that reads back as this value in a column of `kind`.
    func arrayElement(_ kind: CopyColumnKind) -> String {
        switch self {
        case .null: "NULL"
        case .integer(let number) where kind == .boolean: number == 0 ? "f" : "t"
        case .integer(let number): String(number)
        case .real(let number): number.arrayLiteral
        case .text(let text): text.arrayLiteral
        case .bytes(let bytes): "\"\\\\x" + CopyHex.string(bytes) + "\""
        }
    }

    /// The value's canonical bytes for the checksum: a tag, then the value, so that NULL, an empty
    /// text and an empty byte string all differ, and no two rows run together.
    func appendCanonical(to buffer: inout [UInt8]) {
        switch self {
        case .null:
            buffer.append(UInt8(ascii: "N"))
        case .integer(let number):
            buffer.append(UInt8(ascii: "I"))
            buffer.append(contentsOf: String(number).utf8)
        case .real(let number):
            buffer.append(UInt8(ascii: "R"))
            buffer.append(contentsOf: number.arrayLiteral.utf8)
        case .text(let text):
            let utf8 = Array(text.utf8)
            buffer.append(UInt8(ascii: "T"))
            buffer.append(contentsOf: String(utf8.count).utf8)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(contentsOf: utf8)
        case .bytes(let bytes):
            buffer.append(UInt8(ascii: "B"))
            buffer.append(contentsOf: CopyHex.string(bytes).utf8)
        }
        buffer.append(UInt8(ascii: ";"))
    }
}

enum CopyHex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func string(_ bytes: Data) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
