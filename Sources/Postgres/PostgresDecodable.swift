import Foundation

/// One column of one row as the server sent it, in binary format.
public struct PostgresCell {
    /// The column type's OID (`pg_type.oid`).
    public let type: UInt32
    public let isNull: Bool
    public let bytes: UnsafeRawBufferPointer

    enum OID {
        static let bool: UInt32 = 16
        static let bytea: UInt32 = 17
        static let name: UInt32 = 19
        static let int8: UInt32 = 20
        static let int2: UInt32 = 21
        static let int4: UInt32 = 23
        static let text: UInt32 = 25
        static let oid: UInt32 = 26
        static let json: UInt32 = 114
        static let float4: UInt32 = 700
        static let float8: UInt32 = 701
        static let unknown: UInt32 = 705
        static let bpchar: UInt32 = 1042
        static let varchar: UInt32 = 1043
        static let jsonb: UInt32 = 3802
    }

    /// The big-endian integer of `bytes`.
    func integer() -> Int64 {
        var value: UInt64 = 0
        for byte in bytes { value = value << 8 | UInt64(byte) }
        switch bytes.count {
        case 2: return Int64(Int16(truncatingIfNeeded: value))
        case 4: return Int64(Int32(truncatingIfNeeded: value))
        default: return Int64(bitPattern: value)
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A Swift type a column can be read as. `decode` returns nil when the column's type does not fit
/// (a programming error the row reports); a NULL fits only an optional.
public protocol PostgresDecodable {
    static func decode(_ cell: PostgresCell) -> Self?
}

extension Int64: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) -> Int64? {
        guard !cell.isNull else { return nil }
        switch cell.type {
        case PostgresCell.OID.int8, PostgresCell.OID.int4, PostgresCell.OID.int2, PostgresCell.OID.oid: return cell.integer()
        default: return nil
        }
    }
}

extension Int: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) -> Int? { Int64.decode(cell).map(Int.init) }
}

extension Int32: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) -> Int32? { Int64.decode(cell).flatMap(Int32.init(exactly:)) }
}

extension Bool: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) -> Bool? {
        guard !cell.isNull, cell.type == PostgresCell.OID.bool, cell.bytes.count == 1 else { return nil }
        return cell.bytes[0] != 0
    }
}

extension Double: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) -> Double? {
        guard !cell.isNull else { return nil }
        switch cell.type {
        case PostgresCell.OID.float8: return Double(bitPattern: UInt64(bitPattern: cell.integer()))
        case PostgresCell.OID.float4: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: cell.integer())))
        case PostgresCell.OID.int8, PostgresCell.OID.int4, PostgresCell.OID.int2: return Double(cell.integer())
        default: return nil
        }
    }
}

extension String: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) -> String? {
        guard !cell.isNull else { return nil }
        switch cell.type {
        case PostgresCell.OID.text, PostgresCell.OID.varchar, PostgresCell.OID.name, PostgresCell.OID.bpchar,
             PostgresCell.OID.json, PostgresCell.OID.unknown:
            return cell.text
        case PostgresCell.OID.jsonb:
            // Binary jsonb is a version byte, then the text.
            return String(decoding: cell.bytes.dropFirst(), as: UTF8.self)
        default: return nil
        }
    }
}

extension Data: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) -> Data? {
        guard !cell.isNull, cell.type == PostgresCell.OID.bytea else { return nil }
        return Data(cell.bytes)
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) -> Wrapped?? {
        if cell.isNull { return .some(nil) }
        return Wrapped.decode(cell).map { .some($0) }
    }
}
