import Foundation
import Postgres

/// The PostgreSQL side of a copy: one session, one transaction from the emptiness check to the
/// verification, so a refusal or a failure leaves the database as it was.
///
/// The role must own the tables (the role the daemon uses, which created them when it first
/// migrated the database): the copy switches the tables' own triggers off for its transaction
/// (`ALTER TABLE ... DISABLE TRIGGER USER`), so that `topic_completion` is copied as rows instead of
/// being counted again from `lesson_progress`. Foreign keys stay checked; tables go parents first.
struct PostgresCopyTarget {
    let connection: PostgresConnection

    /// Rows the migrations themselves write, and the condition under which the table still counts
    /// as empty: the serial allocator's state before any certificate (the copy replaces it with the
    /// source's, whose key made the serials already issued).
    static let seededByMigrations = ["certificate_serial_state": "next_sequence = 0 AND next_status_position = 0"]

    /// Opens the transaction, locks every table against other sessions and refuses unless all are empty.
    func begin(_ tables: [CopyTable]) throws {
        try connection.run("BEGIN")
        try connection.run("LOCK TABLE " + tables.map { CopySQL.quote($0.name) }.joined(separator: ", ") + " IN ACCESS EXCLUSIVE MODE")
        for table in tables {
            let name = CopySQL.quote(table.name)
            let allowed = Self.seededByMigrations[table.name].map { " WHERE NOT (\($0))" } ?? ""
            let occupied: Bool = try connection.execute("SELECT EXISTS (SELECT 1 FROM \(name)\(allowed))")[0][0]
            guard !occupied else { throw StoreCopyError.targetNotEmpty(table: table.name, database: connection.database) }
        }
        for table in tables {
            if Self.seededByMigrations[table.name] != nil { try connection.run("DELETE FROM \(CopySQL.quote(table.name))") }
            try connection.run("ALTER TABLE \(CopySQL.quote(table.name)) DISABLE TRIGGER USER")
        }
    }

    /// Inserts `rows` (each in `table.columns` order) with one statement: one array per column.
    func insert(_ rows: [[CopyValue]], into table: CopyTable) throws {
        guard !rows.isEmpty else { return }
        var arguments: [any PostgresBindable] = []
        var casts: [String] = []
        for (index, column) in table.columns.enumerated() {
            var literal = "{"
            for (position, row) in rows.enumerated() {
                if position > 0 { literal += "," }
                literal += row[index].arrayElement(column.kind)
            }
            literal += "}"
            arguments.append(PostgresValue.text(literal))
            casts.append("$\(index + 1)::\(column.kind.rawValue)[]")
        }
        let sql = "INSERT INTO \(CopySQL.quote(table.name)) (\(table.columnList)) SELECT * FROM unnest(\(casts.joined(separator: ", ")))"
        let inserted = try connection.execute(sql, arguments).affectedRows
        guard inserted == rows.count else {
            throw StoreCopyError.schemaMismatch("\(table.name): \(inserted) of \(rows.count) rows inserted")
        }
    }

    /// Sets the identity sequence of `table` so the next id is past `highest`.
    func advanceIdentity(of table: CopyTable, past highest: Int64) throws {
        guard let column = table.identity, highest > 0 else { return }
        try connection.execute("SELECT setval(pg_get_serial_sequence($1, $2), $3)", [CopySQL.quote(table.name), column, highest])
    }

    /// Reads `table`'s rows back in key order, a cursor's batch at a time.
    func rows(_ table: CopyTable, each: ([CopyValue]) throws -> Void) throws {
        try connection.run("DECLARE copy_check NO SCROLL CURSOR FOR SELECT \(table.columnList) FROM \(CopySQL.quote(table.name)) \(table.orderClause)")
        var values: [CopyValue] = []
        while true {
            let batch = try connection.execute("FETCH FORWARD 10000 FROM copy_check")
            if batch.isEmpty { break }
            for row in batch {
                values.removeAll(keepingCapacity: true)
                for (index, column) in table.columns.enumerated() { values.append(Self.value(row, index, column.kind)) }
                try each(values)
            }
        }
        try connection.run("CLOSE copy_check")
    }

    private static func value(_ row: PostgresRow, _ index: Int, _ kind: CopyColumnKind) -> CopyValue {
        switch kind {
        case .integer: (row[index] as Int64?).map { .integer($0) } ?? .null
        case .boolean: (row[index] as Bool?).map { .integer($0 ? 1 : 0) } ?? .null
        case .real: (row[index] as Double?).map { .real($0) } ?? .null
        case .text: (row[index] as String?).map { .text($0) } ?? .null
        case .bytes: (row[index] as Data?).map { .bytes($0) } ?? .null
        }
    }

    /// Teachers whose completion counters disagree with their completed lessons (rows at zero
    /// count as none, as a lesson marked incomplete again leaves them).
    func counterDisagreements() throws -> Int {
        let counted: Int64 = try connection.execute("""
            WITH derived AS (
                SELECT lp.topic_id, lp.account_id, count(*) AS lessons, sum(l.credit_hours) AS hours
                FROM lesson_progress lp JOIN lesson l ON l.id = lp.lesson_id
                WHERE lp.completed_at IS NOT NULL
                GROUP BY lp.topic_id, lp.account_id
            ), kept AS (
                SELECT topic_id, account_id, lessons, hours FROM topic_completion WHERE lessons <> 0 OR hours <> 0
            )
            SELECT count(*) FROM derived d FULL JOIN kept k ON k.topic_id = d.topic_id AND k.account_id = d.account_id
            WHERE d.lessons IS DISTINCT FROM k.lessons OR d.hours IS DISTINCT FROM k.hours
            """)[0][0]
        return Int(counted)
    }

    /// Switches the triggers back on and makes it all visible at once.
    func commit(_ tables: [CopyTable]) throws {
        for table in tables { try connection.run("ALTER TABLE \(CopySQL.quote(table.name)) ENABLE TRIGGER USER") }
        try connection.run("COMMIT")
    }

    func rollback() {
        try? connection.run("ROLLBACK")
    }
}
