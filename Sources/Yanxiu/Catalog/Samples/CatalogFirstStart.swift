import GRDB
import JSONRPC

/// Loads the first topic into an empty database, once: an installation that has never had
/// a catalog gets one, and an operator's later changes are never overwritten on restart.
public enum CatalogFirstStart {
    /// The `daemon_meta` key recording that first-start loading of the catalog has happened.
    static let markerKey = "first-start.catalog"

    /// Imports `documentText` when the database has no topic and has never been seeded;
    /// returns what was imported, or nil when there was nothing to do.
    public static func run(_ db: Database, documentText: String?, now: Int64) throws -> TopicImportResult? {
        let seeded = try Bool.fetchOne(db, sql: "SELECT 1 FROM daemon_meta WHERE key = ?", arguments: [markerKey]) ?? false
        guard !seeded else { return nil }
        try db.execute(sql: "INSERT INTO daemon_meta (key, value) VALUES (?, ?)", arguments: [markerKey, Timestamp.format(now)])
        let hasTopics = try Bool.fetchOne(db, sql: "SELECT 1 FROM topic LIMIT 1") ?? false
        guard !hasTopics, let documentText else { return nil }
        let document = try TopicDocumentReader.read(try JSONParser.parse(documentText))
        return try TopicImporter.run(db, document, now: now)
    }
}
