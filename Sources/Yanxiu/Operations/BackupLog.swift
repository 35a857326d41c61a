/// The last successful backup, kept by the store so `yanxiuctl status` can say how old the
/// newest copy is even after a restart.
public enum BackupLog {
    public static func record(_ tx: any StoreTransaction, _ summary: BackupSummary) throws {
        try tx.operations.recordBackup(summary)
    }

    public static func last(_ tx: any StoreTransaction) throws -> BackupSummary? {
        try tx.operations.lastBackup()
    }
}
