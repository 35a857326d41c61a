import GRDB
import JSONRPC

/// School and county administrator grants: who may verify teachers or add schools.
public enum AdminGrants {
    public enum Role: String, Sendable, CaseIterable {
        case schoolAdmin, countyAdmin
    }

    /// The grants of one account, or of everyone when `accountID` is nil.
    public static func list(_ db: Database, accountID: Int64?) throws -> [JSONValue] {
        let rows = if let accountID {
            try Row.fetchAll(db, sql: "SELECT * FROM admin_grant WHERE account_id = ? ORDER BY id", arguments: [accountID])
        } else {
            try Row.fetchAll(db, sql: "SELECT * FROM admin_grant ORDER BY id")
        }
        return rows.map { ["userId": .int64($0["account_id"]), "role": .string($0["role"]), "scope": .string($0["scope"]), "grantedAt": .string(Timestamp.format($0["granted_at"]))] }
    }

    /// Whether the account holds `role` for `scope`.
    public static func holds(_ db: Database, accountID: Int64, role: Role, scope: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM admin_grant WHERE account_id = ? AND role = ? AND scope = ?)",
                          arguments: [accountID, role.rawValue, scope]) ?? false
    }

    /// Whether the account administers the school: a grant for it, or for its county.
    public static func administers(_ db: Database, accountID: Int64, schoolID: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM admin_grant g WHERE g.account_id = ? AND (
                (g.role = 'schoolAdmin' AND g.scope = ?) OR
                (g.role = 'countyAdmin' AND g.scope = (SELECT region_code FROM school WHERE id = ?))))
            """, arguments: [accountID, String(schoolID), schoolID]) ?? false
    }

    /// Checks that the scope names a real school (not "其他") or county; returns the normalised scope.
    static func validScope(_ db: Database, role: Role, scope: String) throws -> String {
        switch role {
        case .schoolAdmin:
            guard let id = Int64(scope) else { throw DomainError.invalid(field: "scope", reason: "notSchoolId") }
            let school = try SchoolDirectory.require(db, id: id)
            guard school["is_other"] as Int64 == 0 else {
                throw DomainError.conflict("school.is_other", "An \"其他\" school has no administrator")
            }
            return String(id)
        case .countyAdmin:
            try SchoolDirectory.requireCounty(db, code: scope, field: "scope")
            return scope
        }
    }

    /// Grants a role (audited); 409 `grant.exists` when the account already holds it.
    public static func grant(_ db: Database, accountID: Int64, role: Role, scope: String, actor: AuditActor, now: Int64) throws {
        _ = try AccountRecord.require(db, id: accountID)
        let scope = try validScope(db, role: role, scope: scope)
        if try holds(db, accountID: accountID, role: role, scope: scope) {
            throw DomainError.conflict("grant.exists", "The account already holds this grant")
        }
        try db.execute(sql: "INSERT INTO admin_grant (account_id, role, scope, granted_at) VALUES (?, ?, ?, ?)",
                       arguments: [accountID, role.rawValue, scope, now])
        try AuditLog.record(db, at: now, actor: actor, action: "admin.grant", target: AccountRecord.target(accountID),
                            detail: ["role": .string(role.rawValue), "scope": .string(scope)])
    }

    /// Revokes a role (audited); 404 `grant.unknown` when the account does not hold it.
    public static func revoke(_ db: Database, accountID: Int64, role: Role, scope: String, actor: AuditActor, now: Int64) throws {
        guard try holds(db, accountID: accountID, role: role, scope: scope) else {
            throw DomainError.notFound("grant.unknown", "The account holds no such grant")
        }
        try db.execute(sql: "DELETE FROM admin_grant WHERE account_id = ? AND role = ? AND scope = ?", arguments: [accountID, role.rawValue, scope])
        try AuditLog.record(db, at: now, actor: actor, action: "admin.revoke", target: AccountRecord.target(accountID),
                            detail: ["role": .string(role.rawValue), "scope": .string(scope)])
    }
}
