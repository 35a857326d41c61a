import GRDB

/// `OperationsStore` on SQLite.
struct SQLiteOperationsStore: OperationsStore {
    let db: Database
}
