import GRDB

/// The names and places of the schools in a report, and of the regions above them.
struct ReportDirectory {
    struct School {
        var name: String
        var regionCode: String
    }

    struct Region {
        var name: String
        var level: String
        var parentCode: String?
    }

    var schools: [Int64: School] = [:]
    var regions: [String: Region] = [:]

    /// Above this many schools one scan of the table beats look-ups by id.
    static let scanThreshold = 20_000

    static func load(_ db: Database, schoolIDs: Set<Int64>) throws -> ReportDirectory {
        var directory = ReportDirectory()
        func add(_ rows: RowCursor) throws {
            while let row = try rows.next() {
                let id: Int64 = row[0]
                if schoolIDs.contains(id) { directory.schools[id] = School(name: row[1], regionCode: row[2]) }
            }
        }
        if schoolIDs.count > scanThreshold {
            try add(Row.fetchCursor(db, sql: "SELECT id, name, region_code FROM school"))
        } else {
            let ids = schoolIDs.sorted()
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                try add(Row.fetchCursor(
                    db, sql: "SELECT id, name, region_code FROM school WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))",
                    arguments: StatementArguments(chunk)))
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT code, name, level, parent_code FROM region") {
            directory.regions[row[0]] = Region(name: row[1], level: row[2], parentCode: row[3])
        }
        return directory
    }

    /// The province above a region (itself when it is one); nil when the chain is broken.
    func province(of code: String) -> String? {
        var current = code
        for _ in 0..<4 {
            guard let region = regions[current] else { return nil }
            if region.level == "province" { return current }
            guard let parent = region.parentCode else { return nil }
            current = parent
        }
        return nil
    }

    func regionName(_ code: String?) -> String {
        guard let code else { return "" }
        return regions[code]?.name ?? code
    }

    /// Rolls figures per school up to the grouping.
    func rows(_ bySchool: [Int64?: ReportFigures], grouping: ReportGrouping) -> [ReportRow] {
        var rows: [String: ReportRow] = [:]
        for (schoolID, figures) in bySchool {
            let school = schoolID.flatMap { schools[$0] }
            let county = school?.regionCode
            let province = county.flatMap(province(of:))
            let row: ReportRow
            switch grouping {
            case .school:
                row = ReportRow(
                    key: schoolID.map(String.init) ?? "", name: school?.name ?? "(no school)",
                    parentCode: county ?? "", parentName: regionName(county))
            case .county:
                row = ReportRow(key: county ?? "", name: county.map(regionName) ?? "(no school)",
                                parentCode: province ?? "", parentName: regionName(province))
            case .province:
                row = ReportRow(key: province ?? "", name: province.map(regionName) ?? "(no school)")
            }
            rows[row.key, default: row].figures.add(figures)
        }
        // Counties and provinces in code order (GB/T 2260 codes follow the map); schools by name within their county.
        func order(_ row: ReportRow) -> (String, String, String) { (row.parentCode, grouping == .school ? row.name : row.key, row.key) }
        return rows.values.sorted { order($0) < order($1) }
    }
}
