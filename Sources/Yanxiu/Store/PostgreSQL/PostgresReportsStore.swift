import Postgres

/// `ReportsStore` on PostgreSQL: the report's stream (`PostgresReportStreams`) and its reads of schools and regions.
struct PostgresReportsStore: ReportsStore {
    let db: PostgresDatabase

    /// Above this many schools one scan of the table (in keyset pages) beats look-ups by id.
    static let scanThreshold = 20_000
    /// Schools per statement, in look-ups by id and in the scan's pages.
    static let schoolPage = 1000

    func creditRules(topicID: String) throws -> TopicRules? {
        guard let row = try db.first("SELECT rules FROM topic WHERE id = $1", [topicID]) else { return nil }
        return (try? CatalogJSON.decode(TopicRules.self, from: row[0])) ?? .default
    }

    func forEachTeacher(topicID: String, _ body: (ReportTeacher) throws -> Void) throws {
        try PostgresReportStreams(db: db, topicID: topicID).forEach(body)
    }

    func schools(_ ids: Set<Int64>) throws -> [Int64: ReportDirectory.School] {
        var schools: [Int64: ReportDirectory.School] = [:]
        func add(_ rows: PostgresRows) {
            for row in rows {
                let id: Int64 = row[0]
                if ids.contains(id) { schools[id] = ReportDirectory.School(name: row[1], regionCode: row[2]) }
            }
        }
        if ids.count > Self.scanThreshold {
            var after = Int64.min
            while true {
                let rows = try db.execute("SELECT id, name, region_code FROM school WHERE id > $1 ORDER BY id LIMIT $2", [after, Self.schoolPage])
                add(rows)
                guard rows.count == Self.schoolPage, let last = rows.last else { break }
                after = last[0]
            }
        } else {
            let sorted = ids.sorted()
            for start in stride(from: 0, to: sorted.count, by: Self.schoolPage) {
                let chunk = Array(sorted[start..<min(start + Self.schoolPage, sorted.count)])
                add(try db.execute("SELECT id, name, region_code FROM school WHERE id = ANY($1::bigint[])", [chunk]))
            }
        }
        return schools
    }

    func regions() throws -> [String: ReportDirectory.Region] {
        var regions: [String: ReportDirectory.Region] = [:]
        for row in try db.execute("SELECT code, name, level, parent_code FROM region") {
            regions[row[0]] = ReportDirectory.Region(name: row[1], level: row[2], parentCode: row[3])
        }
        return regions
    }

    func regionExists(code: String) throws -> Bool {
        try db.first("SELECT 1 FROM region WHERE code = $1", [code]) != nil
    }

    func subregions(of code: String) throws -> [String] {
        try db.execute("SELECT code FROM region WHERE parent_code = $1 ORDER BY code", [code]).map { $0[0] }
    }

    func schools(inRegion code: String) throws -> [Int64] {
        try db.execute("SELECT id FROM school WHERE region_code = $1 ORDER BY id", [code]).map { $0[0] }
    }

    func schoolExists(id: Int64) throws -> Bool {
        try db.first("SELECT 1 FROM school WHERE id = $1", [id]) != nil
    }
}
