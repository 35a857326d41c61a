/// The operations on the daemon's own records: one-time start-up steps, the schema and the backup log.
public protocol OperationsStore {
    /// Records that the one-time first-start step `step` happened at `now`; false (and nothing
    /// written) when it had already been recorded, so the step runs once per database.
    func claimFirstStart(_ step: String, now: Int64) throws -> Bool

    /// How many schema migrations the database has had.
    func schemaVersion() throws -> Int

    /// Keeps `summary` as the last successful backup, replacing the one before.
    func recordBackup(_ summary: BackupSummary) throws

    /// The last successful backup, or nil when none was recorded (or its record cannot be read).
    func lastBackup() throws -> BackupSummary?
}
