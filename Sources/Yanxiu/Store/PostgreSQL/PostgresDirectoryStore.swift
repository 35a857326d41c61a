import Postgres

/// `DirectoryStore` on PostgreSQL: regions and the first-start marker here, schools in `+Schools`.
struct PostgresDirectoryStore: DirectoryStore {
    let db: PostgresDatabase

    /// The `daemon_meta` key recording that the sample directory was loaded: SQLite's, so the
    /// marker means the same whichever engine wrote it.
    static let sampleMarkerKey = SQLiteDirectoryStore.sampleMarkerKey

    func regions(under parentCode: String?) throws -> [Region] {
        let rows = if let parentCode {
            try db.execute("SELECT * FROM region WHERE parent_code = $1 ORDER BY code", [parentCode])
        } else {
            try db.execute("SELECT * FROM region WHERE parent_code IS NULL ORDER BY code")
        }
        return rows.map(Self.region)
    }

    func region(code: String) throws -> Region? {
        try db.first("SELECT * FROM region WHERE code = $1", [code]).map(Self.region)
    }

    func regionCodes() throws -> Set<String> {
        Set(try db.execute("SELECT code FROM region").map { $0[0] as String })
    }

    func countyCodes() throws -> Set<String> {
        Set(try db.execute("SELECT code FROM region WHERE level = 'county'").map { $0[0] as String })
    }

    func regionCount() throws -> Int {
        try db.first("SELECT count(*) FROM region")?[0] ?? 0
    }

    func insertRegion(_ region: Region) throws {
        try db.execute("INSERT INTO region (code, name, level, parent_code) VALUES ($1, $2, $3, $4)",
                       [region.code, region.name, region.level.rawValue, region.parentCode])
    }

    func updateRegion(_ region: Region) throws {
        try db.execute("UPDATE region SET name = $1, level = $2, parent_code = $3 WHERE code = $4",
                       [region.name, region.level.rawValue, region.parentCode, region.code])
    }

    func sampleDirectoryLoaded() throws -> Bool {
        try db.first("SELECT value FROM daemon_meta WHERE key = $1", [Self.sampleMarkerKey]) != nil
    }

    func markSampleDirectoryLoaded(at: Int64) throws {
        try db.execute("INSERT INTO daemon_meta (key, value) VALUES ($1, $2)", [Self.sampleMarkerKey, Timestamp.format(at)])
    }

    /// A `region` row; the table's CHECK admits only the three levels.
    static func region(_ row: PostgresRow) -> Region {
        Region(code: row["code"], name: row["name"], level: RegionCode.Level(rawValue: row["level"]) ?? .county, parentCode: row["parent_code"])
    }
}
