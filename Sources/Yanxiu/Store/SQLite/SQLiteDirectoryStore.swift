import GRDB

/// `DirectoryStore` on SQLite.
struct SQLiteDirectoryStore: DirectoryStore {
    let db: Database
}
