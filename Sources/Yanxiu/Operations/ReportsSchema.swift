import GRDB

/// Indexes that let `report.topic` read a topic's enrolments and completed lessons in account order.
enum ReportsSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-reports") { db in
            try db.execute(sql: """
                -- Covering: the report reads account and school of every enrolment of a topic, in account order.
                CREATE INDEX enrollment_topic_account ON enrollment(topic_id, account_id, school_id);
                -- Only completed lessons are in it: heartbeats of lessons not yet completed (nearly all of
                -- them) never touch it, and the report reads it instead of every row of progress.
                CREATE INDEX lesson_progress_completed ON lesson_progress(topic_id, account_id, lesson_id) WHERE completed_at IS NOT NULL;
                """)
        }
    }
}
