import Foundation
import GRDB
import Postgres
import Testing
@testable import Yanxiu

/// The PostgreSQL migrations build the schema the SQLite migrations end with: the same tables, the
/// same columns in the same order, types that hold the same values, the same named indexes and triggers.
@Suite struct PostgresSchemaParityTests {
    /// A column as both engines describe it, its type already mapped to the SQLite type it stands for.
    struct Column: Equatable, CustomStringConvertible {
        let name: String
        let type: String
        let notNull: Bool

        var description: String { "\(name) \(type)\(notNull ? " NOT NULL" : "")" }
    }

    /// Tables that exist only in one engine by design: the migrators' own records, and SQLite's
    /// FTS5 name index with its shadow tables (PostgreSQL has a trigram index on `school.name`).
    static func isEngineOwn(_ table: String) -> Bool {
        table.hasPrefix("sqlite_") || table.hasPrefix("school_name_fts") || table == "grdb_migrations" || table == "yanxiu_migrations"
    }

    @Test func everySQLiteTableHasTheSameColumnsOnPostgreSQL() throws {
        let sqlite = try SQLiteSchema.read()
        let postgres = try PostgresSchema.read()

        #expect(sqlite.columns.keys.contains("lesson_progress"))
        #expect(postgres.columns.keys.sorted() == sqlite.columns.keys.sorted())
        for (table, columns) in sqlite.columns {
            #expect(postgres.columns[table] == columns, "table \(table)")
        }
        #expect(postgres.textColumnsNotInCCollation.isEmpty, "every TEXT column compares bytes, as SQLite does")
    }

    @Test func everySQLiteIndexAndTriggerHasItsNamesakeOnPostgreSQL() throws {
        let sqlite = try SQLiteSchema.read()
        let postgres = try PostgresSchema.read()

        #expect(sqlite.indexes.contains("certificate_live_holder"))
        #expect(sqlite.indexes.subtracting(postgres.indexes).isEmpty)
        #expect(sqlite.triggers.contains("topic_completion_insert"))
        #expect(postgres.triggers.isSuperset(of: sqlite.triggers))
        #expect(postgres.indexes.contains("school_name_trigram"))
    }
}

/// The schema of a fresh SQLite store, read from `sqlite_master` and `pragma_table_info`.
private struct SQLiteSchema {
    var columns: [String: [PostgresSchemaParityTests.Column]] = [:]
    var indexes: Set<String> = []
    var triggers: Set<String> = []

    static func read() throws -> SQLiteSchema {
        let directory = NSTemporaryDirectory() + "yanxiu-parity-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteStore(path: directory + "/parity.sqlite")
        defer { try? store.close() }
        return try store.pool.read { db in
            var schema = SQLiteSchema()
            for row in try Row.fetchAll(db, sql: "SELECT type, name FROM sqlite_master WHERE sql IS NOT NULL") {
                let name: String = row["name"]
                guard !PostgresSchemaParityTests.isEngineOwn(name) else { continue }
                switch row["type"] as String {
                case "table":
                    // A primary key column is never NULL, declared so or not (an INTEGER PRIMARY KEY is the rowid).
                    schema.columns[name] = try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid", arguments: [name]).map {
                        .init(name: $0["name"], type: $0["type"], notNull: ($0["notnull"] as Int) != 0 || ($0["pk"] as Int) != 0)
                    }
                case "index": schema.indexes.insert(name)
                case "trigger" where !name.hasPrefix("school_fts_"): schema.triggers.insert(name)
                default: break
                }
            }
            return schema
        }
    }
}

/// The schema the PostgreSQL store's migrations make in a fresh database.
private struct PostgresSchema {
    var columns: [String: [PostgresSchemaParityTests.Column]] = [:]
    var textColumnsNotInCCollation: [String] = []
    var indexes: Set<String> = []
    var triggers: Set<String> = []

    /// The SQLite type each PostgreSQL type stands for: BOOLEAN holds SQLite's 0/1 flags.
    static let sqliteType = ["bigint": "INTEGER", "boolean": "INTEGER", "text": "TEXT", "bytea": "BLOB", "double precision": "REAL"]

    static func read() throws -> PostgresSchema {
        let conninfo = try TestStores.freshPostgresDatabase()
        let store = try PostgresStore(conninfo: conninfo, readers: 1)
        store.close()
        let connection = try PostgresConnection(conninfo)
        var schema = PostgresSchema()
        let columns = try connection.execute("""
            SELECT table_name::text, column_name::text, data_type::text, is_nullable::text, coalesce(collation_name::text, '')
            FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
            """)
        for row in columns {
            let table: String = row[0]
            guard !PostgresSchemaParityTests.isEngineOwn(table) else { continue }
            let name: String = row[1]
            let type: String = row[2]
            schema.columns[table, default: []].append(.init(name: name, type: sqliteType[type] ?? type, notNull: (row[3] as String) == "NO"))
            if type == "text" && (row[4] as String) != "C" { schema.textColumnsNotInCCollation.append("\(table).\(name)") }
        }
        schema.indexes = Set(try connection.execute("SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema()").map { $0[0] as String })
        schema.triggers = Set(try connection.execute("SELECT tgname::text FROM pg_trigger WHERE NOT tgisinternal").map { $0[0] as String })
        return schema
    }
}
