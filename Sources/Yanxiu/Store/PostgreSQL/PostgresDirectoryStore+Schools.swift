import Postgres

/// Schools and their search on PostgreSQL.
extension PostgresDirectoryStore {
    func school(id: Int64) throws -> School? {
        try db.first("SELECT * FROM school WHERE id = $1", [id]).map(Self.school)
    }

    func school(code: String) throws -> School? {
        try db.first("SELECT * FROM school WHERE code = $1", [code]).map(Self.school)
    }

    func school(regionCode: String, name: String) throws -> School? {
        try db.first("SELECT * FROM school WHERE region_code = $1 AND name = $2", [regionCode, name]).map(Self.school)
    }

    func otherSchool(county: String) throws -> School? {
        try db.first("SELECT * FROM school WHERE region_code = $1 AND is_other", [county]).map(Self.school)
    }

    func insertSchool(code: String?, name: String, regionCode: String, createdAt: Int64) throws -> Int64 {
        try db.execute("INSERT INTO school (code, name, region_code, is_other, created_at) VALUES ($1, $2, $3, FALSE, $4) RETURNING id",
                       [code, name, regionCode, createdAt])[0][0]
    }

    func updateSchool(id: Int64, name: String, regionCode: String) throws {
        try db.execute("UPDATE school SET name = $1, region_code = $2 WHERE id = $3", [name, regionCode, id])
    }

    func schools(codes: [String]) throws -> [String: School] {
        guard !codes.isEmpty else { return [:] }
        var found: [String: School] = [:]
        for row in try db.execute("SELECT * FROM school WHERE code = ANY($1::text[])", [codes]) {
            let school = Self.school(row)
            if let code = school.code { found[code] = school }
        }
        return found
    }

    /// One statement; identities are drawn in the rows' order.
    func insertSchools(_ rows: [SchoolImportRow], createdAt: Int64) throws {
        guard !rows.isEmpty else { return }
        try db.execute("""
            INSERT INTO school (code, name, region_code, is_other, created_at)
            SELECT code, name, region_code, FALSE, $4::bigint FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS r(code, name, region_code, n)
            ORDER BY n
            """, [rows.map(\.code), rows.map(\.name), rows.map(\.regionCode), createdAt])
    }

    func updateSchools(_ rows: [SchoolImportRow]) throws {
        guard !rows.isEmpty else { return }
        try db.execute("""
            UPDATE school s SET name = r.name, region_code = r.region_code
            FROM unnest($1::text[], $2::text[], $3::text[]) AS r(code, name, region_code) WHERE s.code = r.code
            """, [rows.map(\.code), rows.map(\.name), rows.map(\.regionCode)])
    }

    func ensureOtherSchool(county: String, name: String, createdAt: Int64) throws {
        try db.execute("INSERT INTO school (name, region_code, is_other, created_at) VALUES ($1, $2, TRUE, $3) ON CONFLICT DO NOTHING",
                       [name, county, createdAt])
    }

    /// With a region, the (region_code, name) index narrows the scan to that region's schools;
    /// everywhere, the trigram index `school_name_trigram` finds the candidates for `ILIKE`.
    /// `ILIKE` on a `COLLATE "C"` column folds ASCII letters only: the meaning the protocol gives.
    func searchSchools(in scope: SchoolSearchScope, fragment: String?, limit: Int) throws -> [School] {
        // No name holds a NUL, and text sent to the server would end at one.
        if let fragment, fragment.utf8.contains(0) { return [] }
        var conditions = ["NOT s.is_other"]
        var arguments: [any PostgresBindable] = []
        func parameter(_ value: any PostgresBindable) -> String {
            arguments.append(value)
            return "$\(arguments.count)"
        }
        switch scope {
        case .everywhere:
            guard let fragment else { preconditionFailure("a search everywhere needs a fragment") }
            // As SQLite's trigram index: nothing is found by a fragment shorter than a trigram.
            if fragment.unicodeScalars.count < 3 { return [] }
        case .county(let code):
            conditions.append("s.region_code = \(parameter(code))")
        case .codePrefix(let prefix):
            // A range on the (region_code, name) index: every code under the province or city.
            conditions.append("s.region_code >= \(parameter(prefix)) AND s.region_code < \(parameter(prefix + "\u{7F}"))")
        }
        if let fragment {
            conditions.append("s.name ILIKE \(parameter(Self.containsPattern(fragment)))")
        }
        // A negative limit is none, as in SQLite; PostgreSQL's LIMIT NULL.
        let bound: Int? = limit < 0 ? nil : limit
        let sql = "SELECT s.* FROM school s WHERE \(conditions.joined(separator: " AND ")) ORDER BY s.name, s.id LIMIT \(parameter(bound))"
        return try db.execute(sql, arguments).map(Self.school)
    }

    /// A `LIKE` pattern matching names that contain `text` literally (`%`, `_` and `\` escaped).
    static func containsPattern(_ text: String) -> String {
        var pattern = "%"
        for character in text.unicodeScalars {
            if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
            pattern.unicodeScalars.append(character)
        }
        return pattern + "%"
    }

    static func school(_ row: PostgresRow) -> School {
        School(id: row["id"], code: row["code"], name: row["name"], regionCode: row["region_code"], isOther: row["is_other"])
    }
}
