import JSONValues

/// Loads the first topic into an empty database, once: an installation that has never had
/// a catalog gets one, and an operator's later changes are never overwritten on restart.
public enum CatalogFirstStart {
    /// The first-start step recording that loading of the catalog has happened.
    static let markerKey = "first-start.catalog"

    /// Imports `documentText` when the database has no topic and has never been seeded;
    /// returns what was imported, or nil when there was nothing to do.
    public static func run(_ tx: any StoreTransaction, documentText: String?, now: Int64) throws -> TopicImportResult? {
        guard try tx.operations.claimFirstStart(markerKey, now: now) else { return nil }
        guard try !tx.catalog.hasTopics(), let documentText else { return nil }
        let document = try TopicDocumentReader.read(try JSONParser.parse(documentText))
        return try TopicImporter.run(tx, document, now: now)
    }
}
