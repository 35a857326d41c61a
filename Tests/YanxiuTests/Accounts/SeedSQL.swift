import Postgres
@testable import Yanxiu

/// Rows of areas other than the one a test pins, written as SQL both engines read.
enum SeedSQL {
    /// Runs statements (no parameters) in one write transaction of either engine.
    static func run(_ store: any StoreEngine, _ sql: String) async throws {
        if let sqlite = store as? SQLiteStore {
            try await sqlite.writeDatabase { db in try db.execute(sql: sql) }
        } else {
            try await store.write { tx in
                guard let postgres = tx as? PostgresTransaction else { preconditionFailure("an engine this seed does not know") }
                try postgres.db.connection.run(sql)
            }
        }
    }

    /// The literal of one zero byte, as the engine writes a BLOB or BYTEA.
    static func zeroByte(_ store: any StoreEngine) -> String {
        store is SQLiteStore ? "x'00'" : "'\\x00'::bytea"
    }
}
