import Postgres

/// Administrator grants on PostgreSQL.
extension PostgresMembershipsStore {
    func accountExists(id: Int64) throws -> Bool {
        try db.first("SELECT EXISTS (SELECT 1 FROM account WHERE id = $1)", [id])?[0] ?? false
    }

    func grants(accountID: Int64?) throws -> [AdminGrant] {
        let rows = if let accountID {
            try db.execute("SELECT * FROM admin_grant WHERE account_id = $1 ORDER BY id", [accountID])
        } else {
            try db.execute("SELECT * FROM admin_grant ORDER BY id")
        }
        return rows.compactMap { row in
            // The table's CHECK admits only the two roles.
            AdminGrants.Role(rawValue: row["role"]).map { AdminGrant(accountID: row["account_id"], role: $0, scope: row["scope"], grantedAt: row["granted_at"]) }
        }
    }

    func holdsGrant(accountID: Int64, role: AdminGrants.Role, scope: String) throws -> Bool {
        try db.first("SELECT EXISTS (SELECT 1 FROM admin_grant WHERE account_id = $1 AND role = $2 AND scope = $3)",
                     [accountID, role.rawValue, scope])?[0] ?? false
    }

    func administers(accountID: Int64, schoolID: Int64) throws -> Bool {
        try db.first("""
            SELECT EXISTS (SELECT 1 FROM admin_grant g WHERE g.account_id = $1 AND (
                (g.role = 'schoolAdmin' AND g.scope = $2) OR
                (g.role = 'countyAdmin' AND g.scope = (SELECT region_code FROM school WHERE id = $3))))
            """, [accountID, String(schoolID), schoolID])?[0] ?? false
    }

    func insertGrant(_ grant: AdminGrant) throws {
        try db.execute("INSERT INTO admin_grant (account_id, role, scope, granted_at) VALUES ($1, $2, $3, $4)",
                       [grant.accountID, grant.role.rawValue, grant.scope, grant.grantedAt])
    }

    func deleteGrant(accountID: Int64, role: AdminGrants.Role, scope: String) throws {
        try db.execute("DELETE FROM admin_grant WHERE account_id = $1 AND role = $2 AND scope = $3", [accountID, role.rawValue, scope])
    }
}
