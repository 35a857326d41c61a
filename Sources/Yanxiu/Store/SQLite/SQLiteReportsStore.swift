import GRDB

/// `ReportsStore` on SQLite.
struct SQLiteReportsStore: ReportsStore {
    let db: Database
}
