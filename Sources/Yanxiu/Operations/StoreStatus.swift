/// What the store says of itself in `system.status`: how many schema migrations it has had, the
/// last successful backup, and the database server it reached.
public struct StoreStatus: Sendable, Equatable {
    public var schemaVersion: Int
    public var lastBackup: BackupSummary?
    /// Nil on SQLite, whose file is the daemon's own.
    public var server: DatabaseServer?

    public static func read(_ tx: any StoreTransaction) throws -> StoreStatus {
        StoreStatus(schemaVersion: try tx.operations.schemaVersion(), lastBackup: try BackupLog.last(tx), server: try tx.operations.server())
    }
}

/// The database server a transaction ran on: where it is, and whether it is the primary (a
/// standby in recovery takes no writes).
public struct DatabaseServer: Sendable, Equatable {
    /// Host or socket folder, port and database (never a password).
    public var address: String
    public var primary: Bool

    public init(address: String, primary: Bool) {
        self.address = address
        self.primary = primary
    }
}
