/// The operations on school memberships (declared roles, verification, removal) and administrator grants.
///
/// An account has at most one membership. Lookups return nil or false when nothing matches;
/// updates of an account without a membership change nothing.
public protocol MembershipsStore {
    // MARK: Memberships

    /// The account's membership.
    func member(accountID: Int64) throws -> SchoolMember?

    /// Adds a pending membership for an account that has none.
    func insertPendingMember(accountID: Int64, schoolID: Int64, declaredMentalHealth: Bool, declaredHomeroom: Bool, joinedAt: Int64) throws

    /// Moves the account's membership to another school as a pending one: verified roles, verifier
    /// and verification time are cleared, declared roles kept, the joining time is `joinedAt`.
    func moveMember(accountID: Int64, toSchool schoolID: Int64, joinedAt: Int64) throws

    /// Sets the declared roles given (nil leaves one as it is); verified roles are never touched.
    func declareRoles(accountID: Int64, mentalHealth: Bool?, homeroom: Bool?) throws

    /// Marks the membership verified with these roles, by `verifierAccountID` (nil for an operator) at `at`.
    func markVerified(accountID: Int64, mentalHealth: Bool, homeroom: Bool, verifierAccountID: Int64?, at: Int64) throws

    /// Ends the account's membership.
    func removeMember(accountID: Int64) throws

    /// The school's members with `status` (nil for all), oldest membership first, then by account id.
    func members(schoolID: Int64, status: MemberStatus?) throws -> [SchoolMemberListing]

    /// The roles the account's newest enrolment form declares (nil when it has none; a role the
    /// form leaves out counts as not declared).
    func rolesOnNewestEnrollmentForm(accountID: Int64) throws -> (mentalHealth: Bool, homeroom: Bool)?

    // MARK: Administrator grants

    /// Whether an account with this id exists (a grant can only name one).
    func accountExists(id: Int64) throws -> Bool

    /// The grants of one account, or of everyone when `accountID` is nil, in the order they were made.
    func grants(accountID: Int64?) throws -> [AdminGrant]

    /// Whether the account holds `role` for exactly `scope`.
    func holdsGrant(accountID: Int64, role: AdminGrants.Role, scope: String) throws -> Bool

    /// Whether the account holds `schoolAdmin` for the school or `countyAdmin` for the school's county.
    func administers(accountID: Int64, schoolID: Int64) throws -> Bool

    /// Adds a grant the account does not hold yet.
    func insertGrant(_ grant: AdminGrant) throws

    /// Withdraws the grant; nothing happens when the account does not hold it.
    func deleteGrant(accountID: Int64, role: AdminGrants.Role, scope: String) throws
}
