import GRDB

/// `CatalogStore` on SQLite.
struct SQLiteCatalogStore: CatalogStore {
    let db: Database
}
