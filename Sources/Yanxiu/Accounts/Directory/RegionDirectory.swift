/// The GB/T 2260 administrative divisions: province, city, county.
public enum RegionDirectory {
    /// The divisions under `parentCode`, or the provinces when it is nil, by code.
    public static func list(_ tx: any StoreTransaction, parentCode: String?) throws -> [Region] {
        try tx.directory.regions(under: parentCode)
    }

    /// The level of a stored division, or nil when there is none with this code.
    public static func level(_ tx: any StoreTransaction, code: String) throws -> RegionCode.Level? {
        try tx.directory.region(code: code)?.level
    }

    /// Imports `code,name` CSV (optional `level`, `parentCode` columns), idempotent on the code.
    ///
    /// Without a parent column a county hangs under its city when the city exists, else under its
    /// province (the districts of Beijing); every county gets its "其他" school.
    public static func importCSV(_ tx: any StoreTransaction, text: String, now: Int64) throws -> ImportSummary {
        let directory = tx.directory
        let table = try CSVTable(text, required: ["code", "name"])
        var summary = ImportSummary()
        var known = try directory.regionCodes()
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
            let region = Region(code: row.code.value, name: row.name, level: row.level, parentCode: parent)
            if let existing = try directory.region(code: region.code) {
                if existing == region {
                    summary.unchanged += 1
                } else {
                    try directory.updateRegion(region)
                    summary.updated += 1
                }
            } else {
                try directory.insertRegion(region)
                summary.inserted += 1
            }
            known.insert(region.code)
            if row.level == .county { try directory.ensureOtherSchool(county: region.code, name: SchoolDirectory.otherName, createdAt: now) }
        }
        summary.rejected.sort { $0.line < $1.line }
        return summary
    }
}
