import GRDB
import JSONValues

/// `AuditStore` on SQLite. Triggers on the `audit` table refuse updates and deletes.
struct SQLiteAuditStore: AuditStore {
    let db: Database

    func record(at: Int64, actor: AuditActor, action: String, target: String?, detail: JSONObject) throws {
        let uid: Int64? = actor.uid.map { Int64($0) }
        let detailText: String? = detail.isEmpty ? nil : JSONWriter.string(.object(detail))
        try db.execute(
            sql: "INSERT INTO audit (at, actor_account, actor_uid, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [at, actor.accountID, uid, action, target, detailText])
    }

    func entries(_ filter: AuditFilter) throws -> [AuditEntry] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let action = filter.action { clauses.append("action = ?"); arguments += [action] }
        if let target = filter.target { clauses.append("target = ?"); arguments += [target] }
        if let actor = filter.actorAccountID { clauses.append("actor_account = ?"); arguments += [actor] }
        if let since = filter.since { clauses.append("at >= ?"); arguments += [since] }
        if let until = filter.until { clauses.append("at < ?"); arguments += [until] }
        if let before = filter.beforeID { clauses.append("id < ?"); arguments += [before] }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        arguments += [filter.limit]
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM audit \(whereClause) ORDER BY id DESC LIMIT ?", arguments: arguments)
        return rows.map { row in
            let detailText: String? = row["detail"]
            var detail: JSONObject = [:]
            if let text = detailText, case .object(let object)? = try? JSONParser.parse(text) { detail = object }
            return AuditEntry(
                id: row["id"], at: row["at"], actorAccountID: row["actor_account"], actorUid: row["actor_uid"],
                action: row["action"], target: row["target"], detail: detail)
        }
    }

    func pruneAnonymousFailures(recordedBy: Int64, limit: Int) throws -> Int {
        let actions = AccountsRetentionSchema.anonymousFailureActions.map { "'\($0)'" }.joined(separator: ", ")
        return try SQLiteBatchDelete(db: db, limit: limit)
            .delete("audit", key: "id", "actor_account IS NULL AND action IN (\(actions)) AND at <= ?", [recordedBy])
    }
}

/// Transitional: code still holding a GRDB connection records through the audit store.
public enum AuditLog {
    public static func record(_ db: Database, at: Int64, actor: AuditActor, action: String, target: String?, detail: JSONObject = [:]) throws {
        try SQLiteAuditStore(db: db).record(at: at, actor: actor, action: action, target: target, detail: detail)
    }
}
