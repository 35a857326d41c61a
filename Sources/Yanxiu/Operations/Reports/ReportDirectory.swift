/// The names and places of the schools in a report, and of the regions above them.
public struct ReportDirectory {
    public struct School: Sendable, Equatable {
        public var name: String
        public var regionCode: String

        public init(name: String, regionCode: String) {
            self.name = name
            self.regionCode = regionCode
        }
    }

    public struct Region: Sendable, Equatable {
        public var name: String
        public var level: String
        public var parentCode: String?

        public init(name: String, level: String, parentCode: String?) {
            self.name = name
            self.level = level
            self.parentCode = parentCode
        }
    }

    var schools: [Int64: School] = [:]
    var regions: [String: Region] = [:]

    static func load(_ tx: any StoreTransaction, schoolIDs: Set<Int64>) throws -> ReportDirectory {
        let reports = tx.reports
        return ReportDirectory(schools: try reports.schools(schoolIDs), regions: try reports.regions())
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
