import Foundation
import GRDB
import Postgres
@testable import Yanxiu

/// A fresh, migrated database of either engine, seen through the stores and as plain SQL: to
/// count rows and to try what the schema itself refuses. On PostgreSQL each statement commits on
/// its own, so a refused one leaves the next free to run, as a refused statement does in SQLite.
struct RawStoreDatabase {
    let tx: any StoreTransaction
    /// Runs SQL that both engines read alike (no parameters).
    let run: (String) throws -> Void
    /// How many rows the table holds.
    let count: (String) throws -> Int

    static func with(_ engine: TestStores.Engine, _ body: (RawStoreDatabase) throws -> Void) throws {
        switch engine {
        case .sqlite:
            let queue = try DatabaseQueue()
            try Migrations.migrator.migrate(queue)
            try queue.write { db in
                try body(RawStoreDatabase(
                    tx: SQLiteTransaction(db), run: { try db.execute(sql: $0) },
                    count: { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1 }))
            }
        case .postgresql:
            let conninfo = try TestStores.freshPostgresDatabase()
            try PostgresStore(conninfo: conninfo).close()
            let connection = try PostgresConnection(conninfo)
            try body(RawStoreDatabase(
                tx: PostgresTransaction(PostgresDatabase(connection: connection, batch: nil)), run: { try connection.run($0) },
                count: { table in Int(try connection.execute("SELECT count(*) FROM \(table)")[0][0] as Int64) }))
        }
    }
}
