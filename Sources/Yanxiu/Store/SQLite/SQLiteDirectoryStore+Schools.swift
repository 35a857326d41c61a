import Foundation
import GRDB

/// Schools and their search on SQLite.
extension SQLiteDirectoryStore {
    func school(id: Int64) throws -> School? {
        try Row.fetchOne(db, sql: "SELECT * FROM school WHERE id = ?", arguments: [id]).map(Self.school)
    }

    func school(code: String) throws -> School? {
        // Cached: a school import asks this once per row of a file of up to 500k.
        let statement = try db.cachedStatement(sql: "SELECT * FROM school WHERE code = ?")
        return try Row.fetchOne(statement, arguments: [code]).map(Self.school)
    }

    func school(regionCode: String, name: String) throws -> School? {
        try Row.fetchOne(db, sql: "SELECT * FROM school WHERE region_code = ? AND name = ?", arguments: [regionCode, name]).map(Self.school)
    }

    func otherSchool(county: String) throws -> School? {
        try Row.fetchOne(db, sql: "SELECT * FROM school WHERE region_code = ? AND is_other = 1", arguments: [county]).map(Self.school)
    }

    func insertSchool(code: String?, name: String, regionCode: String, createdAt: Int64) throws -> Int64 {
        let statement = try db.cachedStatement(sql: "INSERT INTO school (code, name, region_code, is_other, created_at) VALUES (?, ?, ?, 0, ?)")
        try statement.execute(arguments: [code, name, regionCode, createdAt])
        return db.lastInsertedRowID
    }

    func updateSchool(id: Int64, name: String, regionCode: String) throws {
        let statement = try db.cachedStatement(sql: "UPDATE school SET name = ?, region_code = ? WHERE id = ?")
        try statement.execute(arguments: [name, regionCode, id])
    }

    /// SQLite runs in-process: a cached statement per code costs no round trip.
    func schools(codes: [String]) throws -> [String: School] {
        var found: [String: School] = [:]
        for code in codes {
            if let school = try school(code: code) { found[code] = school }
        }
        return found
    }

    func insertSchools(_ rows: [SchoolImportRow], createdAt: Int64) throws {
        for row in rows { _ = try insertSchool(code: row.code, name: row.name, regionCode: row.regionCode, createdAt: createdAt) }
    }

    func updateSchools(_ rows: [SchoolImportRow]) throws {
        let statement = try db.cachedStatement(sql: "UPDATE school SET name = ?, region_code = ? WHERE code = ?")
        for row in rows { try statement.execute(arguments: [row.name, row.regionCode, row.code]) }
    }

    func ensureOtherSchool(county: String, name: String, createdAt: Int64) throws {
        try db.execute(
            sql: "INSERT INTO school (name, region_code, is_other, created_at) VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING",
            arguments: [name, county, createdAt])
    }

    /// With a region, the (region_code, name) index narrows the scan to that region's schools,
    /// already in name order; everywhere, the trigram index `school_name_fts` finds the candidates
    /// (FTS5 folds more than ASCII case, so the literal test follows it).
    func searchSchools(in scope: SchoolSearchScope, fragment: String?, limit: Int) throws -> [School] {
        // No name holds a NUL, and FTS5 refuses a phrase with one.
        if let fragment, fragment.utf8.contains(0) { return [] }
        var conditions = ["s.is_other = 0"]
        var arguments: StatementArguments = []
        var from = "school s"
        switch scope {
        case .everywhere:
            guard let fragment else { preconditionFailure("a search everywhere needs a fragment") }
            from = "school_name_fts f JOIN school s ON s.id = f.rowid"
            conditions.insert("school_name_fts MATCH ?", at: 0)
            arguments += [Self.phrase(fragment)]
        case .county(let code):
            conditions.append("s.region_code = ?")
            arguments += [code]
        case .codePrefix(let prefix):
            // A range on the (region_code, name) index: every code under the province or city.
            conditions.append("s.region_code >= ? AND s.region_code < ?")
            arguments += [prefix, prefix + "\u{7F}"]
        }
        if let fragment {
            if Self.hasASCIILetter(fragment) {
                // SQLite's lower() folds ASCII letters only: the meaning the protocol gives.
                conditions.append("instr(lower(s.name), ?) > 0")
                arguments += [Self.asciiLowercased(fragment)]
            } else {
                // Without ASCII letters in the fragment, folding the names changes no match: the
                // cheaper test (a province scan costs half as much without lower()).
                conditions.append("instr(s.name, ?) > 0")
                arguments += [fragment]
            }
        }
        arguments += [limit]
        let sql = "SELECT s.* FROM \(from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY s.name, s.id LIMIT ?"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.school)
    }

    /// An FTS5 phrase matching the fragment literally (quotes doubled).
    static func phrase(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func hasASCIILetter(_ text: String) -> Bool {
        text.utf8.contains { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    /// ASCII letters lowered, every other character kept, as SQLite's `lower()` does.
    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    static func school(_ row: Row) -> School {
        School(id: row["id"], code: row["code"], name: row["name"], regionCode: row["region_code"], isOther: row["is_other"] as Int64 != 0)
    }
}
