import Foundation
import GRDB
import Locking
import Postgres
@testable import Yanxiu

/// SQL run straight on a test store of either engine: rows a fixture seeds without the operations
/// that would make them, and state no operation shows. Write `?` placeholders (PostgreSQL gets
/// `$1, $2, …`) and SQL both engines read alike: booleans and bytes as arguments, not literals.
struct TestSQL: Sendable {
    typealias Value = any DatabaseValueConvertible & PostgresBindable & Sendable

    private enum Target: Sendable {
        case sqlite(DatabasePool)
        /// One connection of its own (autocommit), used by one statement at a time.
        case postgresql(Locked<PostgresConnection>)
    }

    private let target: Target

    init(_ store: any StoreEngine) throws {
        switch store {
        case let store as SQLiteStore: target = .sqlite(store.pool)
        case let store as PostgresStore: target = .postgresql(Locked(try store.connector.connect()))
        default: fatalError("no test SQL for \(store.engine)")
        }
    }

    /// Runs statements; without arguments the text may hold several, separated by semicolons.
    func execute(_ sql: String, _ arguments: [Value] = []) throws {
        switch target {
        case .sqlite(let pool):
            try pool.write { db in try db.execute(sql: sql, arguments: StatementArguments(arguments.map { $0 as any DatabaseValueConvertible })) }
        case .postgresql(let connection):
            try connection.withLock { connection in
                if arguments.isEmpty {
                    try connection.run(sql)
                } else {
                    try connection.execute(Self.numbered(sql), arguments.map { $0 as any PostgresBindable })
                }
            }
        }
    }

    /// The first column of every row.
    func column<T: DatabaseValueConvertible & PostgresDecodable>(_ sql: String, _ arguments: [Value] = []) throws -> [T] {
        switch target {
        case .sqlite(let pool):
            try pool.read { db in
                try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map { $0 as any DatabaseValueConvertible })).map { $0[0] as T }
            }
        case .postgresql(let connection):
            try connection.withLock { connection in
                try connection.execute(Self.numbered(sql), arguments.map { $0 as any PostgresBindable }).map { $0[0] as T }
            }
        }
    }

    /// The first column of the first row; nil without rows.
    func value<T: DatabaseValueConvertible & PostgresDecodable>(_ sql: String, _ arguments: [Value] = []) throws -> T? {
        let values: [T] = try column(sql, arguments)
        return values.first
    }

    /// `?` placeholders outside quoted text numbered as `$1, $2, …`.
    static func numbered(_ sql: String) -> String {
        var result = ""
        var quoted = false
        var count = 0
        for character in sql {
            if character == "'" { quoted.toggle() }
            if character == "?" && !quoted {
                count += 1
                result += "$\(count)"
            } else {
                result.append(character)
            }
        }
        return result
    }
}
