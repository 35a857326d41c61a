import GRDB

/// Whose enrolments a caller may list: operators see all; administrators the schools their
/// grants name (`schoolAdmin`, scope = school id) and the schools of their counties
/// (`countyAdmin`, scope = county region code).
public struct EnrollmentScope: Sendable, Equatable {
    public var everything: Bool
    public var schoolIDs: Set<Int64>
    public var countyCodes: Set<String>

    public static let operator_ = EnrollmentScope(everything: true, schoolIDs: [], countyCodes: [])

    public init(everything: Bool = false, schoolIDs: Set<Int64> = [], countyCodes: Set<String> = []) {
        self.everything = everything
        self.schoolIDs = schoolIDs
        self.countyCodes = countyCodes
    }

    /// The grants of an account; 403 `auth.forbidden` when it administers nothing.
    public static func of(_ db: Database, accountID: Int64) throws -> EnrollmentScope {
        var scope = EnrollmentScope()
        for row in try Row.fetchAll(db, sql: "SELECT role, scope FROM admin_grant WHERE account_id = ?", arguments: [accountID]) {
            let value: String = row["scope"]
            switch row["role"] as String {
            case "schoolAdmin": if let id = Int64(value) { scope.schoolIDs.insert(id) }
            case "countyAdmin": scope.countyCodes.insert(value)
            default: break
            }
        }
        guard !scope.schoolIDs.isEmpty || !scope.countyCodes.isEmpty else {
            throw DomainError.forbidden("Only operators and school or county administrators can list enrolments")
        }
        return scope
    }

    /// Whether a school (with its region) lies inside this scope.
    public func contains(schoolID: Int64, regionCode: String) -> Bool {
        everything || schoolIDs.contains(schoolID) || countyCodes.contains(regionCode)
    }

    /// An SQL condition on the teacher's current membership `m.school_id` / `s.region_code` and its
    /// arguments: administrators see the members of their schools now, never a copy taken earlier.
    func condition() -> (sql: String, arguments: StatementArguments) {
        if everything { return ("1", []) }
        var parts: [String] = []
        var arguments = StatementArguments()
        if !schoolIDs.isEmpty {
            parts.append("m.school_id IN (\(databaseQuestionMarks(count: schoolIDs.count)))")
            arguments += StatementArguments(schoolIDs.sorted())
        }
        if !countyCodes.isEmpty {
            parts.append("s.region_code IN (\(databaseQuestionMarks(count: countyCodes.count)))")
            arguments += StatementArguments(countyCodes.sorted())
        }
        return ("m.school_id IS NOT NULL AND (" + parts.joined(separator: " OR ") + ")", arguments)
    }
}
