import GRDB
import JSONRPC

/// The GB/T 2260 administrative divisions: province, city, county.
public enum RegionDirectory {
    /// The divisions under `parentCode`, or the provinces when it is nil, by code.
    public static func list(_ db: Database, parentCode: String?) throws -> [JSONValue] {
        let rows = if let parentCode {
            try Row.fetchAll(db, sql: "SELECT * FROM region WHERE parent_code = ? ORDER BY code", arguments: [parentCode])
        } else {
            try Row.fetchAll(db, sql: "SELECT * FROM region WHERE parent_code IS NULL ORDER BY code")
        }
        return rows.map(json)
    }

    static func json(_ row: Row) -> JSONValue {
        ["code": .string(row["code"]), "name": .string(row["name"]), "level": .string(row["level"]), "parentCode": .optional(row["parent_code"] as String?)]
    }

    /// The level of a stored division, or nil when there is none with this code.
    public static func level(_ db: Database, code: String) throws -> RegionCode.Level? {
        try String.fetchOne(db, sql: "SELECT level FROM region WHERE code = ?", arguments: [code]).flatMap(RegionCode.Level.init(rawValue:))
    }

    /// Imports `code,name` CSV (optional `level`, `parentCode` columns), idempotent on the code.
    ///
    /// Without a parent column a county hangs under its city when the city exists, else under its
    /// province (the districts of Beijing); every county gets its "其他" school.
    public static func importCSV(_ db: Database, text: String, now: Int64) throws -> ImportSummary {
        let table = try CSVTable(text, required: ["code", "name"])
        var summary = ImportSummary()
        var known = Set(try String.fetchAll(db, sql: "SELECT code FROM region"))
        var rows: [(line: Int, code: RegionCode, name: String, level: RegionCode.Level, parent: String?)] = []
        for record in table.records {
            guard let code = table.value(record, "code").flatMap(RegionCode.init) else { summary.rejected.append((record.line, "code")); continue }
            guard let name = table.value(record, "name"), name.count <= 50 else { summary.rejected.append((record.line, "name")); continue }
            var level = code.impliedLevel
            if let text = table.value(record, "level") {
                guard let given = RegionCode.Level(rawValue: text) else { summary.rejected.append((record.line, "level")); continue }
                level = given
            }
            rows.append((record.line, code, name, level, table.value(record, "parentCode")))
        }
        // Parents first, so a file lists its divisions in any order.
        for row in rows.sorted(by: { ($0.level, $0.code.value) < ($1.level, $1.code.value) }) {
            var parent = row.parent
            if parent == nil, row.level != .province {
                parent = row.code.parentCandidates.first { known.contains($0) }
            }
            if row.level != .province {
                guard let parent, known.contains(parent) else { summary.rejected.append((row.line, "parentUnknown")); continue }
            }
            let existing = try Row.fetchOne(db, sql: "SELECT name, level, parent_code FROM region WHERE code = ?", arguments: [row.code.value])
            if let existing {
                if existing["name"] == row.name, existing["level"] == row.level.rawValue, (existing["parent_code"] as String?) == parent {
                    summary.unchanged += 1
                } else {
                    try db.execute(sql: "UPDATE region SET name = ?, level = ?, parent_code = ? WHERE code = ?",
                                   arguments: [row.name, row.level.rawValue, parent, row.code.value])
                    summary.updated += 1
                }
            } else {
                try db.execute(sql: "INSERT INTO region (code, name, level, parent_code) VALUES (?, ?, ?, ?)",
                               arguments: [row.code.value, row.name, row.level.rawValue, parent])
                summary.inserted += 1
            }
            known.insert(row.code.value)
            if row.level == .county { try SchoolDirectory.ensureOther(db, county: row.code.value, now: now) }
        }
        summary.rejected.sort { $0.line < $1.line }
        return summary
    }
}
