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
    public static func of(_ tx: any StoreTransaction, accountID: Int64) throws -> EnrollmentScope {
        var scope = EnrollmentScope()
        for (role, value) in try tx.enrollments.grants(accountID: accountID) {
            switch role {
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
}
