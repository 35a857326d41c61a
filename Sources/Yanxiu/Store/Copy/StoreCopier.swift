import Foundation
import GRDB
import Postgres

/// Copies a SQLite state folder's database into an empty PostgreSQL database, and proves the copy.
///
/// The SQLite file is read in one read-only transaction; the target is migrated to this build's
/// schema, then filled and verified inside one PostgreSQL transaction: row counts and a SHA-256 per
/// table, read back from PostgreSQL, must equal what was read from SQLite, and the completion
/// counters must agree with the completed lessons, or nothing is committed. A target with any row
/// is refused. Tables and columns come from the two databases' catalogs.
public struct StoreCopier {
    public let sqlitePath: String
    let connector: PostgresConnector
    /// Rows per INSERT; a batch also ends past `batchBytes` of values.
    public var batchRows = 5000
    public var batchBytes = 8 << 20

    public init(sqlitePath: String, conninfo: String, defaults: [String: String] = [:]) throws {
        guard !PostgresConnectionString.holdsPassword(conninfo) else { throw StoreCopyError.passwordInConnectionString }
        self.sqlitePath = sqlitePath
        connector = PostgresConnector(conninfo: conninfo, defaults: defaults)
    }

    /// Runs the copy and its verification; throws `StoreCopyError` or the server's reason.
    public func copy() throws -> StoreCopySummary {
        let started = Date()
        let source = try SQLiteCopySource(path: sqlitePath)
        let connection = try connector.connect()
        _ = try PostgresMigrator.migrate(connection)
        let tables = try PostgresCopySchema.tables(connection)
        let target = PostgresCopyTarget(connection: connection)
        do {
            let figures = try source.read { db in
                let copied = try Self.shared(tables, with: db)
                try target.begin(tables)
                var sources: [String: TableChecksum] = [:]
                for table in copied {
                    sources[table.name] = try copy(table, from: db, to: target)
                }
                return try copied.map { table in
                    var checksum = TableChecksum()
                    try target.rows(table) { checksum.add($0) }
                    let source = sources[table.name] ?? TableChecksum()
                    return StoreCopySummary.Table(
                        name: table.name, sourceRows: source.rows, targetRows: checksum.rows,
                        sourceChecksum: source.finish(), targetChecksum: checksum.finish())
                }
            }
            guard figures.allSatisfy(\.matches) else { throw StoreCopyError.verificationFailed(figures) }
            let disagreements = try target.counterDisagreements()
            guard disagreements == 0 else { throw StoreCopyError.countersDisagree(disagreements) }
            try target.commit(tables)
            return StoreCopySummary(
                tables: figures, target: "\(connection.server)/\(connection.database)", seconds: Date().timeIntervalSince(started))
        } catch {
            target.rollback()
            throw error
        }
    }

    /// The tables of `tables` SQLite has too, in the same order. Refuses when SQLite has a table
    /// PostgreSQL has no place for, or the columns of a table differ. A table only PostgreSQL has
    /// (none today) stays as the migrations left it: empty.
    static func shared(_ tables: [CopyTable], with db: Database) throws -> [CopyTable] {
        let targets = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        let names = try SQLiteCopySource.tables(db)
        for name in names {
            guard let table = targets[name] else {
                throw StoreCopyError.schemaMismatch("SQLite's table \(name) has no counterpart in PostgreSQL")
            }
            let columns = Set(try SQLiteCopySource.columns(db, table: name))
            let expected = Set(table.columns.map(\.name))
            guard columns == expected else {
                throw StoreCopyError.schemaMismatch(
                    "\(name) has columns \(columns.sorted().joined(separator: ", ")) in SQLite and \(expected.sorted().joined(separator: ", ")) in PostgreSQL")
            }
        }
        return tables.filter { names.contains($0.name) }
    }

    /// Copies one table in batches and returns the checksum of what was read from SQLite.
    private func copy(_ table: CopyTable, from db: Database, to target: PostgresCopyTarget) throws -> TableChecksum {
        var checksum = TableChecksum()
        var batch: [[CopyValue]] = []
        var bytes = 0
        var highest = try SQLiteCopySource.highestIssuedID(db, table: table.name)
        let identity = table.identity.flatMap { name in table.columns.firstIndex { $0.name == name } }
        try SQLiteCopySource.rows(db, table: table) { row in
            checksum.add(row)
            if let identity, case .integer(let id) = row[identity] { highest = max(highest, id) }
            batch.append(row)
            bytes += row.reduce(0) { $0 + $1.size }
            if batch.count >= batchRows || bytes >= batchBytes {
                try target.insert(batch, into: table)
                batch.removeAll(keepingCapacity: true)
                bytes = 0
            }
        }
        try target.insert(batch, into: table)
        try target.advanceIdentity(of: table, past: highest)
        return checksum
    }
}

extension CopyValue {
    /// Roughly how many bytes the value takes in a statement.
    var size: Int {
        switch self {
        case .null: 4
        case .integer, .real: 20
        case .text(let text): text.utf8.count + 2
        case .bytes(let bytes): 2 * bytes.count + 6
        }
    }
}
