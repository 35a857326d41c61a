/// One table as the copy sees it: its columns in PostgreSQL's order, the key that orders its rows
/// the same way on both engines, and the identity column whose sequence must pass the copied ids.
struct CopyTable: Sendable, Equatable {
    let name: String
    let columns: [CopyColumn]
    /// The primary key's columns in key order; every column when the table has no primary key.
    let orderBy: [String]
    /// The `GENERATED ... AS IDENTITY` column, if any.
    let identity: String?

    /// `"a", "b", "c"`: the column list both engines read and write.
    var columnList: String { columns.map { CopySQL.quote($0.name) }.joined(separator: ", ") }

    /// `ORDER BY "k1", "k2"`: byte order for text and bytes on both engines.
    var orderClause: String { "ORDER BY " + orderBy.map(CopySQL.quote).joined(separator: ", ") }
}

/// A column and the kind of value PostgreSQL keeps in it.
struct CopyColumn: Sendable, Equatable {
    let name: String
    let kind: CopyColumnKind
}

/// The PostgreSQL types the schema uses, as SQLite's STRICT types map onto them.
enum CopyColumnKind: String, Sendable, Equatable {
    case integer = "bigint"
    case boolean = "boolean"
    case real = "double precision"
    case text = "text"
    case bytes = "bytea"
}

enum CopySQL {
    /// An identifier in double quotes, which both engines read the same way.
    static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
