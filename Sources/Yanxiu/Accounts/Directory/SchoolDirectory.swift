import JSONValues

/// Schools under county regions: lookup, creation, bulk import and each county's "其他" placeholder.
public enum SchoolDirectory {
    /// The name of every county's placeholder school.
    public static let otherName = "其他"

    public static func fetch(_ tx: any StoreTransaction, id: Int64) throws -> School? {
        try tx.directory.school(id: id)
    }

    /// The school, or 404 `school.unknown`.
    public static func require(_ tx: any StoreTransaction, id: Int64) throws -> School {
        guard let school = try fetch(tx, id: id) else { throw DomainError.notFound("school.unknown", "No school with this schoolId") }
        return school
    }

    public static func target(_ id: Int64) -> String { "school:\(id)" }

    /// 404 `region.unknown` or -32602 `notCounty` unless `code` is a stored county.
    public static func requireCounty(_ tx: any StoreTransaction, code: String, field: String = "regionCode") throws {
        guard let level = try RegionDirectory.level(tx, code: code) else { throw DomainError.notFound("region.unknown", "No region with this code") }
        guard level == .county else { throw DomainError.invalid(field: field, reason: "notCounty") }
    }

    /// Adds a school to a county (audited as `school.create`); 409 `school.exists` (with its id)
    /// when the county or the code already has it.
    public static func create(_ tx: any StoreTransaction, regionCode: String, name: String, code: String?,
                              actor: AuditActor, now: Int64) throws -> School {
        let directory = tx.directory
        try requireCounty(tx, code: regionCode)
        if let existing = try directory.school(regionCode: regionCode, name: name) {
            throw DomainError.conflict("school.exists", "The county already has a school of this name", data: ["schoolId": .int64(existing.id)])
        }
        if let code, let existing = try directory.school(code: code) {
            throw DomainError.conflict("school.exists", "A school with this code exists", data: ["schoolId": .int64(existing.id)])
        }
        let id = try directory.insertSchool(code: code, name: name, regionCode: regionCode, createdAt: now)
        try tx.audit.record(at: now, actor: actor, action: "school.create", target: target(id),
                            detail: ["regionCode": .string(regionCode), "name": .string(name)])
        return try require(tx, id: id)
    }

    /// Rows an import reads, checks and writes together.
    static let importChunk = 1000

    /// Imports `code,name,regionCode` CSV, idempotent on the school's code; rows apply in file
    /// order, a thousand at a time (one lookup, one insert and one update statement each).
    public static func importCSV(_ tx: any StoreTransaction, text: String, now: Int64, progress: (Int, Int) -> Void = { _, _ in }) throws -> ImportSummary {
        let directory = tx.directory
        let table = try CSVTable(text, required: ["code", "name", "regionCode"])
        let counties = try directory.countyCodes()
        var summary = ImportSummary()
        for start in stride(from: 0, to: table.records.count, by: importChunk) {
            let end = min(start + importChunk, table.records.count)
            var rows: [SchoolImportRow] = []
            for record in table.records[start..<end] {
                guard let code = table.value(record, "code"), code.count <= 40 else { summary.rejected.append((record.line, "code")); continue }
                guard let name = table.value(record, "name").flatMap(validName) else { summary.rejected.append((record.line, "name")); continue }
                guard let region = table.value(record, "regionCode"), counties.contains(region) else { summary.rejected.append((record.line, "regionCode")); continue }
                rows.append(SchoolImportRow(code: code, name: name, regionCode: region))
            }
            let plan = SchoolImportPlan(rows: rows, stored: try directory.schools(codes: Array(Set(rows.map(\.code)))))
            try directory.insertSchools(plan.inserts, createdAt: now)
            try directory.updateSchools(plan.updates)
            summary.inserted += plan.inserted
            summary.updated += plan.updated
            summary.unchanged += plan.unchanged
            if end < table.records.count { progress(end, table.records.count) }
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
