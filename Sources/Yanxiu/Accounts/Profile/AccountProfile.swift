/// The account as `account.me` and operators' lookups show it, gathered from its areas.
public struct AccountProfile: Sendable {
    public var account: AccountRecord
    /// The account's school, when it has one.
    public var school: School?
    public var membership: SchoolMember?
    /// The account's administrator grants.
    public var grants: [AdminGrant]
    /// Whether any lock on the account's phone holds password login now.
    public var passwordLoginLocked: Bool

    /// The profile of the account, or 404 `account.unknown`.
    public static func read(_ tx: any StoreTransaction, accountID: Int64, now: Int64) throws -> AccountProfile {
        let account = try tx.accounts.requireAccount(id: accountID)
        let school = try account.schoolID.flatMap { try SchoolDirectory.fetch(tx, id: $0) }
        return AccountProfile(
            account: account, school: school, membership: try SchoolMembership.fetch(tx, accountID: accountID),
            grants: try AdminGrants.list(tx, accountID: accountID),
            passwordLoginLocked: account.passwordLockedUntil.map { $0 > now } ?? false)
    }
}
