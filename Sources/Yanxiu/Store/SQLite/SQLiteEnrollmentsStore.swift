import GRDB

/// `EnrollmentsStore` on SQLite.
struct SQLiteEnrollmentsStore: EnrollmentsStore {
    let db: Database
}
