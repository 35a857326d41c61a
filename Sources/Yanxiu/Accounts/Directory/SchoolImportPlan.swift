/// One school of an import file: its directory code, name and county.
public struct SchoolImportRow: Sendable, Hashable {
    public var code: String
    public var name: String
    public var regionCode: String

    public init(code: String, name: String, regionCode: String) {
        self.code = code
        self.name = name
        self.regionCode = regionCode
    }
}

/// What a run of import rows does to the stored schools, decided without the store: the rows
/// apply one after another (a code seen twice is inserted once, then updated or left as it is),
/// and the outcome is written in two statements, not one per row.
struct SchoolImportPlan {
    /// New schools in the order their codes first appear, with the last values given for them.
    private(set) var inserts: [SchoolImportRow] = []
    /// Stored schools whose name or county changes, with the last values given for them.
    private(set) var updates: [SchoolImportRow] = []
    private(set) var inserted = 0
    private(set) var updated = 0
    private(set) var unchanged = 0

    /// `stored` holds the schools of the rows' codes that exist already, by code.
    init(rows: [SchoolImportRow], stored: [String: School]) {
        var current = stored.mapValues { SchoolImportRow(code: $0.code ?? "", name: $0.name, regionCode: $0.regionCode) }
        var insertIndex: [String: Int] = [:]
        var updateIndex: [String: Int] = [:]
        for row in rows {
            guard let known = current[row.code] else {
                insertIndex[row.code] = inserts.count
                inserts.append(row)
                current[row.code] = row
                inserted += 1
                continue
            }
            if known.name == row.name, known.regionCode == row.regionCode {
                unchanged += 1
                continue
            }
            updated += 1
            current[row.code] = row
            if let index = insertIndex[row.code] {
                inserts[index] = row
            } else if let index = updateIndex[row.code] {
                updates[index] = row
            } else {
                updateIndex[row.code] = updates.count
                updates.append(row)
            }
        }
    }
}
