import GRDB

/// The heartbeat journal: every accepted heartbeat with its verdict, kept for disputes and then pruned.
public enum HeartbeatJournal {
    /// Deletes up to `limit` entries older than `cutoff`; returns how many went.
    public static func prune(_ db: Database, olderThan cutoff: Int64, limit: Int = 10_000) throws -> Int {
        try db.execute(sql: "DELETE FROM heartbeat WHERE id IN (SELECT id FROM heartbeat WHERE at < ? ORDER BY at LIMIT ?)", arguments: [cutoff, limit])
        return db.changesCount
    }
}
