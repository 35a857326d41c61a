import Foundation
import GRDB

/// The SQLite side of a copy: the state folder's database, opened read-only, read in one
/// transaction so every table comes from the same moment.
///
/// The daemon must be stopped: a write-ahead log with frames in it means a daemon is running (or
/// one stopped without folding its log back), and the copy refuses. A daemon that has written
/// nothing since it started leaves no such trace; stopping it first is the operator's part.
struct SQLiteCopySource {
    let path: String
    private let queue: DatabaseQueue

    init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreCopyError.sourceMissing(path) }
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        guard wal == 0 else { throw StoreCopyError.sourceInUse(path) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "yanxiu.copy"
        self.path = path
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Runs `work` in one read transaction: a consistent snapshot of the whole database.
    func read<T>(_ work: (Database) throws -> T) throws -> T {
        try queue.read { db in
            guard try Migrations.migrator.hasCompletedMigrations(db), try !Migrations.migrator.hasBeenSuperseded(db) else {
                throw StoreCopyError.sourceSchemaNotCurrent(path)
            }
            return try work(db)
        }
    }

    /// The tables that hold the daemon's data: everything but SQLite's own, the migrator's record
    /// and full-text indexes (virtual tables and their shadow tables), which PostgreSQL rebuilds its own way.
    static func tables(_ db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
        let virtual = rows.filter { ($0["sql"] as String? ?? "").uppercased().hasPrefix("CREATE VIRTUAL TABLE") }.map { $0["name"] as String }
        return rows.map { $0["name"] as String }.filter { name in
            !name.hasPrefix("sqlite_") && name != "grdb_migrations"
                && !virtual.contains { name == $0 || name.hasPrefix($0 + "_") }
        }
    }

    static func columns(_ db: Database, table: String) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA table_info(\(CopySQL.quote(table)))").map { $0["name"] }
    }

    /// The highest id SQLite's AUTOINCREMENT ever gave in `table` (rows since pruned included).
    static func highestIssuedID(_ db: Database, table: String) throws -> Int64 {
        guard try db.tableExists("sqlite_sequence") else { return 0 }
        return try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table]) ?? 0
    }

    /// Reads `table`'s rows in key order, each as the values PostgreSQL's columns take.
    static func rows(_ db: Database, table: CopyTable, each: ([CopyValue]) throws -> Void) throws {
        // Text is read as its bytes: a String read from SQLite would end at a NUL character.
        let selected = table.columns.map { $0.kind == .text ? "CAST(\(CopySQL.quote($0.name)) AS BLOB)" : CopySQL.quote($0.name) }
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT \(selected.joined(separator: ", ")) FROM \(CopySQL.quote(table.name)) \(table.orderClause)")
        var values: [CopyValue] = []
        values.reserveCapacity(table.columns.count)
        while let row = try cursor.next() {
            values.removeAll(keepingCapacity: true)
            for (index, column) in table.columns.enumerated() {
                values.append(try value(row[index] as DatabaseValue, column: column, table: table.name))
            }
            try each(values)
        }
    }

    private static func value(_ value: DatabaseValue, column: CopyColumn, table: String) throws -> CopyValue {
        switch (value.storage, column.kind) {
        case (.null, _): return .null
        case (.int64(let number), .integer): return .integer(number)
        case (.int64(let number), .boolean) where number == 0 || number == 1: return .integer(number)
        case (.int64(let number), .real): return .real(Double(number))
        case (.double(let number), .real): return .real(number)
        case (.blob(let bytes), .text):
            // PostgreSQL's text holds neither NUL characters nor anything but UTF-8.
            guard !bytes.contains(0), let text = String(data: bytes, encoding: .utf8) else {
                throw StoreCopyError.unexpectedValue(table: table, column: column.name, value: "text PostgreSQL cannot hold (a NUL character or bytes that are not UTF-8)", kind: "text")
            }
            return .text(text)
        case (.blob(let bytes), .bytes): return .bytes(bytes)
        default: throw StoreCopyError.unexpectedValue(table: table, column: column.name, value: "\(value)", kind: column.kind.rawValue)
        }
    }
}
