import GRDB
import JSONRPC

/// Schools under county regions: search, creation, bulk import and each county's "其他" placeholder.
public enum SchoolDirectory {
    /// The name of every county's placeholder school.
    public static let otherName = "其他"

    /// One school as callers see it.
    public static func json(_ row: Row) -> JSONValue {
        [
            "schoolId": .int64(row["id"]), "name": .string(row["name"]), "regionCode": .string(row["region_code"]),
            "isOther": .bool(row["is_other"] as Int64 != 0), "code": .optional(row["code"] as String?),
        ]
    }

    public static func fetch(_ db: Database, id: Int64) throws -> Row? {
        try Row.fetchOne(db, sql: "SELECT * FROM school WHERE id = ?", arguments: [id])
    }

    /// The school, or 404 `school.unknown`.
    public static func require(_ db: Database, id: Int64) throws -> Row {
        guard let row = try fetch(db, id: id) else { throw DomainError.notFound("school.unknown", "No school with this schoolId") }
        return row
    }

    public static func target(_ id: Int64) -> String { "school:\(id)" }

    /// Creates the county's "其他" school unless it has one.
    static func ensureOther(_ db: Database, county: String, now: Int64) throws {
        try db.execute(
            sql: "INSERT INTO school (name, region_code, is_other, created_at) VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING",
            arguments: [otherName, county, now])
    }

    /// 404 `region.unknown` or -32602 `notCounty` unless `code` is a stored county.
    public static func requireCounty(_ db: Database, code: String, field: String = "regionCode") throws {
        guard let level = try RegionDirectory.level(db, code: code) else { throw DomainError.notFound("region.unknown", "No region with this code") }
        guard level == .county else { throw DomainError.invalid(field: field, reason: "notCounty") }
    }

    /// Adds a school to a county; 409 `school.exists` (with its id) when the county or the code already has it.
    public static func create(_ db: Database, regionCode: String, name: String, code: String?, now: Int64) throws -> Int64 {
        try requireCounty(db, code: regionCode)
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE region_code = ? AND name = ?", arguments: [regionCode, name]) {
            throw DomainError.conflict("school.exists", "The county already has a school of this name", data: ["schoolId": .int64(id)])
        }
        if let code, let id = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [code]) {
            throw DomainError.conflict("school.exists", "A school with this code exists", data: ["schoolId": .int64(id)])
        }
        try db.execute(sql: "INSERT INTO school (code, name, region_code, is_other, created_at) VALUES (?, ?, ?, 0, ?)",
                       arguments: [code, name, regionCode, now])
        return db.lastInsertedRowID
    }

    /// Imports `code,name,regionCode` CSV, idempotent on the school's code.
    public static func importCSV(_ db: Database, text: String, now: Int64, progress: (Int, Int) -> Void = { _, _ in }) throws -> ImportSummary {
        let table = try CSVTable(text, required: ["code", "name", "regionCode"])
        let counties = Set(try String.fetchAll(db, sql: "SELECT code FROM region WHERE level = 'county'"))
        var summary = ImportSummary()
        let select = try db.cachedStatement(sql: "SELECT id, name, region_code FROM school WHERE code = ?")
        let insert = try db.cachedStatement(sql: "INSERT INTO school (code, name, region_code, is_other, created_at) VALUES (?, ?, ?, 0, ?)")
        let update = try db.cachedStatement(sql: "UPDATE school SET name = ?, region_code = ? WHERE id = ?")
        for (index, record) in table.records.enumerated() {
            if index % 1000 == 999 { progress(index + 1, table.records.count) }
            guard let code = table.value(record, "code"), code.count <= 40 else { summary.rejected.append((record.line, "code")); continue }
            guard let name = table.value(record, "name").flatMap(validName) else { summary.rejected.append((record.line, "name")); continue }
            guard let region = table.value(record, "regionCode"), counties.contains(region) else { summary.rejected.append((record.line, "regionCode")); continue }
            if let row = try Row.fetchOne(select, arguments: [code]) {
                if row["name"] == name, row["region_code"] == region {
                    summary.unchanged += 1
                } else {
                    try update.execute(arguments: [name, region, row["id"] as Int64])
                    summary.updated += 1
                }
            } else {
                try insert.execute(arguments: [code, name, region, now])
                summary.inserted += 1
            }
        }
        progress(table.records.count, table.records.count)
        return summary
    }

    /// A school name trimmed, when it has 2 to 100 visible characters.
    public static func validName(_ text: String) -> String? {
        let name = String(AccountText.trimmed(text))
        guard (2...100).contains(name.count), name.allSatisfy({ $0 == " " || AccountText.isVisible($0) }) else { return nil }
        return name
    }
}
