import CLibpq
import Foundation

/// The rows of one statement's result, decoded on access.
///
/// Columns come in PostgreSQL's binary format, so a `BIGINT` is read without parsing text and a
/// `BYTEA` without unescaping.
public final class PostgresRows: @unchecked Sendable, RandomAccessCollection {
    let result: OpaquePointer
    /// How many rows an `INSERT`, `UPDATE` or `DELETE` touched (0 for other statements).
    public let affectedRows: Int

    init(_ result: OpaquePointer) {
        self.result = result
        affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    deinit { PQclear(result) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(PQntuples(result)) }
    public subscript(position: Int) -> PostgresRow { PostgresRow(rows: self, index: Int32(position)) }

    /// The position of the column named `name`.
    func column(_ name: String) -> Int32 {
        let index = PQfnumber(result, name)
        precondition(index >= 0, "no column \(name) in the result")
        return index
    }
}

/// One row of a result. Read a column by position or name, as the Swift type it holds:
/// `let id: Int64 = row[0]`, `let name: String? = row["name"]`.
public struct PostgresRow {
    let rows: PostgresRows
    let index: Int32

    public subscript<T: PostgresDecodable>(_ column: Int) -> T {
        decode(Int32(column))
    }

    public subscript<T: PostgresDecodable>(_ name: String) -> T {
        decode(rows.column(name))
    }

    private func decode<T: PostgresDecodable>(_ column: Int32) -> T {
        let result = rows.result
        let cell = PostgresCell(
            type: PQftype(result, column),
            isNull: PQgetisnull(result, index, column) == 1,
            bytes: UnsafeRawBufferPointer(start: PQgetvalue(result, index, column), count: Int(PQgetlength(result, index, column))))
        guard let value = T.decode(cell) else {
            preconditionFailure("column \(String(cString: PQfname(result, column))) of type \(cell.type) cannot be read as \(T.self)")
        }
        return value
    }
}
