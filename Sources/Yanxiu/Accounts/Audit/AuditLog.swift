import GRDB
import JSONRPC

/// Who did something: the account acting through its session, the peer process, or both.
public struct AuditActor: Sendable, Hashable {
    public var accountID: Int64?
    public var uid: UInt32?

    public init(accountID: Int64? = nil, uid: UInt32? = nil) {
        self.accountID = accountID
        self.uid = uid
    }
}

/// The append-only record of privileged and security-relevant actions (triggers refuse updates and deletes).
public enum AuditLog {
    /// Adds one line in the caller's transaction, so the action and its record commit together.
    public static func record(_ db: Database, at: Int64, actor: AuditActor, action: String, target: String?, detail: JSONObject = [:]) throws {
        let uid: Int64? = actor.uid.map { Int64($0) }
        let detailText: String? = detail.isEmpty ? nil : JSONWriter.string(.object(detail))
        try db.execute(
            sql: "INSERT INTO audit (at, actor_account, actor_uid, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [at, actor.accountID, uid, action, target, detailText])
    }

    /// What `audit.list` may filter on; every filter is optional.
    public struct Filter: Sendable {
        public var action: String?
        public var target: String?
        public var actorAccountID: Int64?
        public var since: Int64?
        public var until: Int64?
        /// Only entries with an id below this (the `id` of the last entry of the previous page).
        public var beforeID: Int64?
        public var limit: Int = 100

        public init() {}
    }

    /// Entries matching `filter`, newest first.
    public static func list(_ db: Database, _ filter: Filter) throws -> [JSONValue] {
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
            let detail = detailText.flatMap { try? JSONParser.parse($0) } ?? .object([:])
            return [
                "id": .int64(row["id"]),
                "at": .string(Timestamp.format(row["at"])),
                "actorAccount": .optional(row["actor_account"] as Int64?),
                "actorUid": .optional(row["actor_uid"] as Int64?),
                "action": .string(row["action"]),
                "target": .optional(row["target"] as String?),
                "detail": detail,
            ]
        }
    }
}
