import Postgres

/// The tables of the target database as its catalogs describe them, parents before the tables
/// whose foreign keys name them.
enum PostgresCopySchema {
    /// The migrator's own record, which the copy neither reads nor writes.
    static let migrationsTable = "yanxiu_migrations"

    static func tables(_ connection: PostgresConnection) throws -> [CopyTable] {
        var columns: [String: [CopyColumn]] = [:]
        var identities: [String: String] = [:]
        let columnRows = try connection.execute("""
            SELECT c.relname::text, a.attname::text, format_type(a.atttypid, NULL), a.attidentity::text <> ''
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> $1
            ORDER BY c.relname, a.attnum
            """, [migrationsTable])
        for row in columnRows {
            let table: String = row[0]
            let name: String = row[1]
            let type: String = row[2]
            guard let kind = CopyColumnKind(rawValue: type) else {
                throw StoreCopyError.schemaMismatch("\(table).\(name) is of type \(type), which the copy does not know")
            }
            columns[table, default: []].append(CopyColumn(name: name, kind: kind))
            if row[3] as Bool { identities[table] = name }
        }
        var keys: [String: [String]] = [:]
        let keyRows = try connection.execute("""
            SELECT c.relname::text, a.attname::text
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE i.indisprimary AND n.nspname = current_schema()
            ORDER BY c.relname, k.position
            """)
        for row in keyRows { keys[row[0] as String, default: []].append(row[1]) }
        var parents: [String: Set<String>] = [:]
        let foreignKeys = try connection.execute("""
            SELECT c.relname::text, p.relname::text
            FROM pg_constraint f
            JOIN pg_class c ON c.oid = f.conrelid
            JOIN pg_class p ON p.oid = f.confrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE f.contype = 'f' AND n.nspname = current_schema() AND f.conrelid <> f.confrelid
            """)
        for row in foreignKeys { parents[row[0] as String, default: []].insert(row[1]) }
        let tables = columns.map { name, columns in
            CopyTable(name: name, columns: columns, orderBy: keys[name] ?? columns.map(\.name), identity: identities[name])
        }
        return parentsFirst(tables, parents: parents)
    }

    /// `tables` ordered so that every table comes after the tables it refers to; ties by name.
    static func parentsFirst(_ tables: [CopyTable], parents: [String: Set<String>]) -> [CopyTable] {
        var remaining = tables.sorted { $0.name < $1.name }
        var ordered: [CopyTable] = []
        while !remaining.isEmpty {
            let names = Set(remaining.map(\.name))
            // A table waits for its parents still to be placed; a cycle (none in this schema) is broken by name.
            let ready = remaining.firstIndex { (parents[$0.name] ?? []).isDisjoint(with: names) } ?? 0
            ordered.append(remaining.remove(at: ready))
        }
        return ordered
    }
}
