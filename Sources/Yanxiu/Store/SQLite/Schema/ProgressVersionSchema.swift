import GRDB

/// Each account's progress gets a version: how many writes changed it, and the stamp of the last
/// one. A write names the stamp its heartbeat was judged on and commits only if that is still the
/// last (see `ProgressWrite`), so a heartbeat judged on a state that has since changed never commits.
enum ProgressVersionSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-progress-version") { db in
            try db.execute(sql: """
                ALTER TABLE playback_state ADD COLUMN version INTEGER NOT NULL DEFAULT 0;  -- writes of the account's progress so far
                ALTER TABLE playback_state ADD COLUMN writer INTEGER NOT NULL DEFAULT 0;   -- stamp of the last write; 0 before any
                """)
        }
    }
}
