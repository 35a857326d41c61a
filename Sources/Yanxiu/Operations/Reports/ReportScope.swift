/// Which schools a report covers: the caller's administration, narrowed by an optional region or school.
public enum ReportScope {
    /// The school ids to report on, or nil for every school (an operator without narrowing).
    ///
    /// `administered` is nil for operators. An administrator who narrows to a region or school
    /// outside their administration gets 403 `auth.forbidden`; an unknown region or school is 404.
    public static func schools(
        _ tx: any StoreTransaction, administered: EnrollmentScope?, regionCode: String?, schoolID: Int64?
    ) throws -> Set<Int64>? {
        var selected: Set<Int64>? = try administered.map { try schools(tx, in: $0) }
        if let regionCode {
            let inRegion = try schools(tx, underRegion: regionCode)
            selected = selected.map { $0.intersection(inRegion) } ?? inRegion
            if administered != nil, selected?.isEmpty == true {
                throw DomainError.forbidden("Region \(regionCode) is outside your administration")
            }
        }
        if let schoolID {
            guard try tx.reports.schoolExists(id: schoolID) else {
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
    static func schools(_ tx: any StoreTransaction, in scope: EnrollmentScope) throws -> Set<Int64> {
        var ids = scope.schoolIDs
        for county in scope.countyCodes {
            ids.formUnion(try tx.reports.schools(inRegion: county))
        }
        return ids
    }

    /// The schools in a county, or in the counties below a city or province.
    static func schools(_ tx: any StoreTransaction, underRegion code: String) throws -> Set<Int64> {
        var frontier = [code]
        var regions: [String] = []
        let reports = tx.reports
        guard try reports.regionExists(code: code) else {
            throw DomainError.notFound("region.unknown", "No region \(code)")
        }
        while let next = frontier.popLast() {
            regions.append(next)
            frontier += try reports.subregions(of: next)
        }
        var ids = Set<Int64>()
        for region in regions {
            ids.formUnion(try reports.schools(inRegion: region))
        }
        return ids
    }
}
