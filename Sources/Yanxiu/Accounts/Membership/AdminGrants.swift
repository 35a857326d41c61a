import JSONValues

/// One administrator grant: an account may verify the teachers of a school, or of a whole county and add its schools.
public struct AdminGrant: Sendable, Hashable {
    public var accountID: Int64
    public var role: AdminGrants.Role
    /// The school id (as text) for `schoolAdmin`, the county code for `countyAdmin`.
    public var scope: String
    public var grantedAt: Int64

    public init(accountID: Int64, role: AdminGrants.Role, scope: String, grantedAt: Int64) {
        self.accountID = accountID
        self.role = role
        self.scope = scope
        self.grantedAt = grantedAt
    }
}

/// School and county administrator grants: who may verify teachers or add schools.
public enum AdminGrants {
    public enum Role: String, Sendable, CaseIterable {
        case schoolAdmin, countyAdmin
    }

    /// The grants of one account, or of everyone when `accountID` is nil.
    public static func list(_ tx: any StoreTransaction, accountID: Int64?) throws -> [AdminGrant] {
        try tx.memberships.grants(accountID: accountID)
    }

    /// Whether the account holds `role` for `scope`.
    public static func holds(_ tx: any StoreTransaction, accountID: Int64, role: Role, scope: String) throws -> Bool {
        try tx.memberships.holdsGrant(accountID: accountID, role: role, scope: scope)
    }

    /// Whether the account administers the school: a grant for it, or for its county.
    public static func administers(_ tx: any StoreTransaction, accountID: Int64, schoolID: Int64) throws -> Bool {
        try tx.memberships.administers(accountID: accountID, schoolID: schoolID)
    }

    /// Checks that the scope names a real school (not "其他") or county; returns the normalised scope.
    static func validScope(_ tx: any StoreTransaction, role: Role, scope: String) throws -> String {
        switch role {
        case .schoolAdmin:
            guard let id = Int64(scope) else { throw DomainError.invalid(field: "scope", reason: "notSchoolId") }
            let school = try SchoolDirectory.require(tx, id: id)
            guard !school.isOther else {
                throw DomainError.conflict("school.is_other", "An \"其他\" school has no administrator")
            }
            return String(id)
        case .countyAdmin:
            try SchoolDirectory.requireCounty(tx, code: scope, field: "scope")
            return scope
        }
    }

    /// Grants a role (audited); 404 `account.unknown`, 409 `grant.exists` when the account already holds it.
    public static func grant(_ tx: any StoreTransaction, accountID: Int64, role: Role, scope: String, actor: AuditActor, now: Int64) throws {
        guard try tx.memberships.accountExists(id: accountID) else {
            throw DomainError.notFound("account.unknown", "No account with this userId")
        }
        let scope = try validScope(tx, role: role, scope: scope)
        if try holds(tx, accountID: accountID, role: role, scope: scope) {
            throw DomainError.conflict("grant.exists", "The account already holds this grant")
        }
        try tx.memberships.insertGrant(AdminGrant(accountID: accountID, role: role, scope: scope, grantedAt: now))
        try tx.audit.record(at: now, actor: actor, action: "admin.grant", target: AccountRecord.target(accountID),
                            detail: ["role": .string(role.rawValue), "scope": .string(scope)])
    }

    /// Revokes a role (audited); 404 `grant.unknown` when the account does not hold it.
    public static func revoke(_ tx: any StoreTransaction, accountID: Int64, role: Role, scope: String, actor: AuditActor, now: Int64) throws {
        guard try holds(tx, accountID: accountID, role: role, scope: scope) else {
            throw DomainError.notFound("grant.unknown", "The account holds no such grant")
        }
        try tx.memberships.deleteGrant(accountID: accountID, role: role, scope: scope)
        try tx.audit.record(at: now, actor: actor, action: "admin.revoke", target: AccountRecord.target(accountID),
                            detail: ["role": .string(role.rawValue), "scope": .string(scope)])
    }
}
