/// What the store says of itself in `system.status`: how many schema migrations it has had and
/// the last successful backup.
public struct StoreStatus: Sendable, Equatable {
    public var schemaVersion: Int
    public var lastBackup: BackupSummary?

    public static func read(_ tx: any StoreTransaction) throws -> StoreStatus {
        StoreStatus(schemaVersion: try tx.operations.schemaVersion(), lastBackup: try BackupLog.last(tx))
    }
}
