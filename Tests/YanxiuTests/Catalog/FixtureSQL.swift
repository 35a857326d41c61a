import Foundation
import GRDB
import Postgres
@testable import Yanxiu

/// Rows the catalog and enrolment tests set up or look at directly, on either engine.
///
/// Statements are written once for both engines: `?` placeholders (numbered for PostgreSQL here),
/// `TRUE`/`FALSE` for flags, `CAST(... AS TEXT)` where a number is read as text.
enum FixtureSQL {
    /// Runs `;`-separated statements in one write; `arguments` fill the `?`s of the first statement.
    static func execute(_ store: any Store, _ sql: String, _ arguments: [any Sendable] = []) async throws {
        let statements = sql.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        switch store {
        case let sqlite as SQLiteStore:
            try await sqlite.writeDatabase { db in
                let values = arguments.map(sqliteValue)
                for (index, statement) in statements.enumerated() {
                    try db.execute(sql: statement, arguments: StatementArguments(index == 0 ? values : []))
                }
            }
        case let postgres as PostgresStore:
            try await postgres.write { tx in
                let values = arguments.map(postgresValue)
                let db = (tx as! PostgresTransaction).db
                for (index, statement) in statements.enumerated() {
                    try db.execute(numbered(statement), index == 0 ? values : [])
                }
            }
        default:
            preconditionFailure("no fixture SQL for \(type(of: store))")
        }
    }

    /// The first column of a query's rows, read as text (NULL as nil).
    static func texts(_ store: any Store, _ sql: String, _ arguments: [any Sendable] = []) async throws -> [String?] {
        switch store {
        case let sqlite as SQLiteStore:
            return try await sqlite.readDatabase { db in
                let values = arguments.map(sqliteValue)
                return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(values)).map { $0[0] as String? }
            }
        case let postgres as PostgresStore:
            return try await postgres.read { tx in
                let values = arguments.map(postgresValue)
                return try (tx as! PostgresTransaction).db.execute(numbered(sql), values).map { $0[0] as String? }
            }
        default:
            preconditionFailure("no fixture SQL for \(type(of: store))")
        }
    }

    /// A query's single integer (a `COUNT(*)`, an id).
    static func integer(_ store: any Store, _ sql: String, _ arguments: [any Sendable] = []) async throws -> Int64? {
        switch store {
        case let sqlite as SQLiteStore:
            return try await sqlite.readDatabase { db in try Int64.fetchOne(db, sql: sql, arguments: StatementArguments(arguments.map(sqliteValue))) }
        case let postgres as PostgresStore:
            return try await postgres.read { tx in try (tx as! PostgresTransaction).db.first(numbered(sql), arguments.map(postgresValue))?[0] }
        default:
            preconditionFailure("no fixture SQL for \(type(of: store))")
        }
    }

    /// `?` placeholders as PostgreSQL's `$1`, `$2`, ... (outside quoted text).
    static func numbered(_ sql: String) -> String { TestSQL.numbered(sql) }

    /// Whether `value` is an optional holding nothing.
    private static func isNil(_ value: any Sendable) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    private static func sqliteValue(_ value: any Sendable) -> (any DatabaseValueConvertible)? {
        if isNil(value) { return DatabaseValue.null }
        guard let convertible = value as? any DatabaseValueConvertible else { preconditionFailure("cannot bind \(value) on SQLite") }
        return convertible
    }

    private static func postgresValue(_ value: any Sendable) -> any PostgresBindable {
        if isNil(value) { return PostgresValue.null }
        guard let bindable = value as? any PostgresBindable else { preconditionFailure("cannot bind \(value) on PostgreSQL") }
        return bindable
    }
}
