import Foundation
import GRDB

/// `ReportsStore` on SQLite: the report's streams (`SQLiteReportStreams`) and its reads of schools and regions.
struct SQLiteReportsStore: ReportsStore {
    let db: Database

    /// Above this many schools one scan of the table beats look-ups by id.
    static let scanThreshold = 20_000

    func creditRules(topicID: String) throws -> TopicRules? {
        guard let text = try String.fetchOne(db, sql: "SELECT rules FROM topic WHERE id = ?", arguments: [topicID]) else { return nil }
        return (try? CatalogJSON.decode(TopicRules.self, from: text)) ?? .default
    }

    func forEachTeacher(topicID: String, _ body: (ReportTeacher) throws -> Void) throws {
        var streams = try SQLiteReportStreams(db, topicID: topicID)
        while let teacher = try streams.next() {
            try body(teacher)
        }
    }

    func schools(_ ids: Set<Int64>) throws -> [Int64: ReportDirectory.School] {
        var schools: [Int64: ReportDirectory.School] = [:]
        func add(_ rows: RowCursor) throws {
            while let row = try rows.next() {
                let id: Int64 = row[0]
                if ids.contains(id) { schools[id] = ReportDirectory.School(name: row[1], regionCode: row[2]) }
            }
        }
        if ids.count > Self.scanThreshold {
            try add(Row.fetchCursor(db, sql: "SELECT id, name, region_code FROM school"))
        } else {
            let sorted = ids.sorted()
            for start in stride(from: 0, to: sorted.count, by: 500) {
                let chunk = Array(sorted[start..<min(start + 500, sorted.count)])
                try add(Row.fetchCursor(
                    db, sql: "SELECT id, name, region_code FROM school WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))",
                    arguments: StatementArguments(chunk)))
            }
        }
        return schools
    }

    func regions() throws -> [String: ReportDirectory.Region] {
        var regions: [String: ReportDirectory.Region] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, name, level, parent_code FROM region") {
            regions[row[0]] = ReportDirectory.Region(name: row[1], level: row[2], parentCode: row[3])
        }
        return regions
    }

    func regionExists(code: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM region WHERE code = ?", arguments: [code]) == true
    }

    func subregions(of code: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT code FROM region WHERE parent_code = ?", arguments: [code])
    }

    func schools(inRegion code: String) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM school WHERE region_code = ?", arguments: [code])
    }

    func schoolExists(id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM school WHERE id = ?", arguments: [id]) == true
    }
}
