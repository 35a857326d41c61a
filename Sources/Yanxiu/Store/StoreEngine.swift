/// What the daemon manages of its store besides transactions: which engine, where, its writer's
/// figures, its schema version, and closing.
public protocol StoreEngine: Store {
    /// `sqlite` or `postgresql`.
    var engine: String { get }
    /// The database file, or the server and database (never a password).
    var location: String { get }
    var writerStatistics: WriterStatistics { get }
    var writerQueueDepth: Int { get }
    /// How many migrations the schema has.
    func schemaVersion() throws -> Int
    /// How many migrations this build knows.
    var latestSchemaVersion: Int { get }
    /// Finishes pending writes and releases the database.
    func close() throws
}

extension SQLiteStore: StoreEngine {
    public var engine: String { "sqlite" }
    public var location: String { path }
    public var latestSchemaVersion: Int { Migrations.latestVersion }
    public var writerStatistics: WriterStatistics { writer.statistics }
    public var writerQueueDepth: Int { writer.queueDepth }
}

extension PostgresStore: StoreEngine {
    public var engine: String { "postgresql" }
    public var location: String { server }
    public var latestSchemaVersion: Int { PostgresMigrations.all.count }
}
