import GRDB

/// Administrator grants on SQLite.
extension SQLiteMembershipsStore {
    func accountExists(id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account WHERE id = ?)", arguments: [id]) ?? false
    }

    func grants(accountID: Int64?) throws -> [AdminGrant] {
        let rows = if let accountID {
            try Row.fetchAll(db, sql: "SELECT * FROM admin_grant WHERE account_id = ? ORDER BY id", arguments: [accountID])
        } else {
            try Row.fetchAll(db, sql: "SELECT * FROM admin_grant ORDER BY id")
        }
        return rows.compactMap { row in
            // The table's CHECK admits only the two roles.
            AdminGrants.Role(rawValue: row["role"]).map { AdminGrant(accountID: row["account_id"], role: $0, scope: row["scope"], grantedAt: row["granted_at"]) }
        }
    }

    func holdsGrant(accountID: Int64, role: AdminGrants.Role, scope: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM admin_grant WHERE account_id = ? AND role = ? AND scope = ?)",
                          arguments: [accountID, role.rawValue, scope]) ?? false
    }

    func administers(accountID: Int64, schoolID: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM admin_grant g WHERE g.account_id = ? AND (
                (g.role = 'schoolAdmin' AND g.scope = ?) OR
                (g.role = 'countyAdmin' AND g.scope = (SELECT region_code FROM school WHERE id = ?))))
            """, arguments: [accountID, String(schoolID), schoolID]) ?? false
    }

    func insertGrant(_ grant: AdminGrant) throws {
        try db.execute(sql: "INSERT INTO admin_grant (account_id, role, scope, granted_at) VALUES (?, ?, ?, ?)",
                       arguments: [grant.accountID, grant.role.rawValue, grant.scope, grant.grantedAt])
    }

    func deleteGrant(accountID: Int64, role: AdminGrants.Role, scope: String) throws {
        try db.execute(sql: "DELETE FROM admin_grant WHERE account_id = ? AND role = ? AND scope = ?", arguments: [accountID, role.rawValue, scope])
    }
}
