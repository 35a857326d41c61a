/// The operations on the daemon's own records: one-time start-up steps, the schema and the backup log.
public protocol OperationsStore {
    /// Records that the one-time first-start step `step` happened at `now`; false (and nothing
    /// written) when it had already been recorded, so the step runs once per database.
    func claimFirstStart(_ step: String, now: Int64) throws -> Bool

    /// The value kept under `key`, storing `proposed` first when there is none. Of several
    /// transactions proposing at once (daemons sharing a database), the first to commit wins and
    /// every one of them returns its value.
    func sharedValue(_ key: String, proposing proposed: String) throws -> String

    /// Claims this run of a scheduled job for the caller: false when another transaction holds
    /// the job right now (another daemon on PostgreSQL), or when a run was claimed less than
    /// `intervalMs` before `now` (wall-clock milliseconds), so that the daemons sharing a database
    /// run each job once per interval between them.
    func claimScheduledRun(_ job: ScheduledJob, now: Int64, intervalMs: Int64) throws -> Bool

    /// The database server this transaction runs on; nil on SQLite.
    func server() throws -> DatabaseServer?

    /// How many schema migrations the database has had.
    func schemaVersion() throws -> Int

    /// Keeps `summary` as the last successful backup, replacing the one before.
    func recordBackup(_ summary: BackupSummary) throws

    /// The last successful backup, or nil when none was recorded (or its record cannot be read).
    func lastBackup() throws -> BackupSummary?
}
