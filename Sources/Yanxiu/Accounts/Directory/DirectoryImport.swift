import JSONValues

/// The operators' CSV imports of the directory, each audited with its figures.
public enum DirectoryImport {
    /// `region.import`: GB/T 2260 divisions (see `RegionDirectory.importCSV`).
    public static func regions(_ tx: any StoreTransaction, csv: String, actor: AuditActor, now: Int64) throws -> ImportSummary {
        let summary = try RegionDirectory.importCSV(tx, text: csv, now: now)
        try record(tx, action: "region.import", summary, actor: actor, now: now)
        return summary
    }

    /// `school.import`: schools by their directory code (see `SchoolDirectory.importCSV`);
    /// `progress` hears (rows done, rows in all) every thousand rows and at the end.
    public static func schools(_ tx: any StoreTransaction, csv: String, actor: AuditActor, now: Int64,
                               progress: (Int, Int) -> Void = { _, _ in }) throws -> ImportSummary {
        let summary = try SchoolDirectory.importCSV(tx, text: csv, now: now, progress: progress)
        try record(tx, action: "school.import", summary, actor: actor, now: now)
        return summary
    }

    static func record(_ tx: any StoreTransaction, action: String, _ summary: ImportSummary, actor: AuditActor, now: Int64) throws {
        try tx.audit.record(at: now, actor: actor, action: action, target: nil,
                            detail: ["inserted": .int(summary.inserted), "updated": .int(summary.updated)])
    }
}
