import JSONValues
import Postgres

/// `AuditStore` on PostgreSQL. Triggers on the `audit` table refuse updates and deletes, save the
/// deletes retention makes.
struct PostgresAuditStore: AuditStore {
    let db: PostgresDatabase

    func record(at: Int64, actor: AuditActor, action: String, target: String?, detail: JSONObject) throws {
        let uid: Int64? = actor.uid.map { Int64($0) }
        let detailText: String? = detail.isEmpty ? nil : JSONWriter.string(.object(detail))
        try db.execute(
            "INSERT INTO audit (at, actor_account, actor_uid, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6)",
            [at, actor.accountID, uid, action, target, detailText])
    }

    func entries(_ filter: AuditFilter) throws -> [AuditEntry] {
        var clauses: [String] = []
        var arguments: [any PostgresBindable] = []
        func add(_ clause: String, _ value: any PostgresBindable) {
            arguments.append(value)
            clauses.append("\(clause) $\(arguments.count)")
        }
        if let action = filter.action { add("action =", action) }
        if let target = filter.target { add("target =", target) }
        if let actor = filter.actorAccountID { add("actor_account =", actor) }
        if let since = filter.since { add("at >=", since) }
        if let until = filter.until { add("at <", until) }
        if let before = filter.beforeID { add("id <", before) }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        arguments.append(filter.limit)
        let rows = try db.execute("""
            SELECT id, at, actor_account, actor_uid, action, target, detail FROM audit \(whereClause) ORDER BY id DESC LIMIT $\(arguments.count)
            """, arguments)
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
        try PostgresBatchDelete(db: db, limit: limit).delete(
            "audit", key: "id", "actor_account IS NULL AND action = ANY($2::text[]) AND at <= $3",
            [AccountsRetentionSchema.anonymousFailureActions, recordedBy])
    }
}
