import GRDB

/// `AccountsStore` on SQLite.
struct SQLiteAccountsStore: AccountsStore {
    let db: Database
}
