import GRDB

/// `ProgressStore` on SQLite.
struct SQLiteProgressStore: ProgressStore {
    let db: Database
}
