import GRDB

/// `DirectoryStore` on SQLite: regions and the first-start marker here, schools in `+Schools`.
struct SQLiteDirectoryStore: DirectoryStore {
    let db: Database

    /// The `daemon_meta` key recording that the sample directory was loaded.
    static let sampleMarkerKey = "sample-directory"

    func regions(under parentCode: String?) throws -> [Region] {
        let rows = if let parentCode {
            try Row.fetchAll(db, sql: "SELECT * FROM region WHERE parent_code = ? ORDER BY code", arguments: [parentCode])
        } else {
            try Row.fetchAll(db, sql: "SELECT * FROM region WHERE parent_code IS NULL ORDER BY code")
        }
        return rows.map(Self.region)
    }

    func region(code: String) throws -> Region? {
        try Row.fetchOne(db, sql: "SELECT * FROM region WHERE code = ?", arguments: [code]).map(Self.region)
    }

    func regionCodes() throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT code FROM region"))
    }

    func countyCodes() throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT code FROM region WHERE level = 'county'"))
    }

    func regionCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM region") ?? 0
    }

    func insertRegion(_ region: Region) throws {
        try db.execute(sql: "INSERT INTO region (code, name, level, parent_code) VALUES (?, ?, ?, ?)",
                       arguments: [region.code, region.name, region.level.rawValue, region.parentCode])
    }

    func updateRegion(_ region: Region) throws {
        try db.execute(sql: "UPDATE region SET name = ?, level = ?, parent_code = ? WHERE code = ?",
                       arguments: [region.name, region.level.rawValue, region.parentCode, region.code])
    }

    func sampleDirectoryLoaded() throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM daemon_meta WHERE key = ?", arguments: [Self.sampleMarkerKey]) != nil
    }

    func markSampleDirectoryLoaded(at: Int64) throws {
        try db.execute(sql: "INSERT INTO daemon_meta (key, value) VALUES (?, ?)", arguments: [Self.sampleMarkerKey, Timestamp.format(at)])
    }

    /// A `region` row; the table's CHECK admits only the three levels.
    static func region(_ row: Row) -> Region {
        Region(code: row["code"], name: row["name"], level: RegionCode.Level(rawValue: row["level"]) ?? .county, parentCode: row["parent_code"])
    }
}
