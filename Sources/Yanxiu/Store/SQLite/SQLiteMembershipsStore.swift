import GRDB

/// `MembershipsStore` on SQLite.
struct SQLiteMembershipsStore: MembershipsStore {
    let db: Database
}
