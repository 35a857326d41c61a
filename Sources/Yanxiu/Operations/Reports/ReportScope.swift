import GRDB

/// Which schools a report covers: the caller's administration, narrowed by an optional region or school.
public enum ReportScope {
    /// The school ids to report on, or nil for every school (an operator without narrowing).
    ///
    /// `administered` is nil for operators. An administrator who narrows to a region or school
    /// outside their administration gets 403 `auth.forbidden`; an unknown region or school is 404.
    public static func schools(
        _ db: Database, administered: EnrollmentScope?, regionCode: String?, schoolID: Int64?
    ) throws -> Set<Int64>? {
        var selected: Set<Int64>? = try administered.map { try schools(db, in: $0) }
        if let regionCode {
            let inRegion = try schools(db, underRegion: regionCode)
            selected = selected.map { $0.intersection(inRegion) } ?? inRegion
            if administered != nil, selected?.isEmpty == true {
                throw DomainError.forbidden("Region \(regionCode) is outside your administration")
            }
        }
        if let schoolID {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM school WHERE id = ?", arguments: [schoolID]) == true else {
                throw DomainError.notFound("school.unknown", "No school \(schoolID)")
            }
            if let current = selected, !current.contains(schoolID) {
                throw administered != nil && regionCode == nil
                    ? DomainError.forbidden("School \(schoolID) is outside your administration")
                    : DomainError.forbidden("School \(schoolID) is not in region \(regionCode ?? "")")
            }
            selected = [schoolID]
        }
        return selected
    }

    /// The schools an administrator's grants name, and those of their counties.
    static func schools(_ db: Database, in scope: EnrollmentScope) throws -> Set<Int64> {
        var ids = scope.schoolIDs
        for county in scope.countyCodes {
            ids.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM school WHERE region_code = ?", arguments: [county]))
        }
        return ids
    }

    /// The schools in a county, or in the counties below a city or province.
    static func schools(_ db: Database, underRegion code: String) throws -> Set<Int64> {
        var frontier = [code]
        var regions: [String] = []
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM region WHERE code = ?", arguments: [code]) == true else {
            throw DomainError.notFound("region.unknown", "No region \(code)")
        }
        while let next = frontier.popLast() {
            regions.append(next)
            frontier += try String.fetchAll(db, sql: "SELECT code FROM region WHERE parent_code = ?", arguments: [next])
        }
        var ids = Set<Int64>()
        for region in regions {
            ids.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM school WHERE region_code = ?", arguments: [region]))
        }
        return ids
    }
}
