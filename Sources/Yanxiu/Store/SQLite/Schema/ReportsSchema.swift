import GRDB

/// What `report.topic` reads instead of every row of progress: the enrolments of a topic in
/// account order, and each teacher's completed lessons and hours per topic, kept by triggers.
enum ReportsSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-reports") { db in
            try db.execute(sql: """
                -- Covering: the report reads account and school of every enrolment of a topic, in account order.
                CREATE INDEX enrollment_topic_account ON enrollment(topic_id, account_id, school_id);

                -- Completed lessons and their credit hours per teacher and topic. A report on a million
                -- enrolments reads a million of these rows instead of ten million rows of progress. The
                -- triggers fire only when a lesson's completion changes (once per lesson), and credit
                -- hours cannot change under them: a lesson with progress is locked against re-import.
                CREATE TABLE topic_completion (
                    topic_id TEXT NOT NULL,
                    account_id INTEGER NOT NULL,
                    lessons INTEGER NOT NULL,
                    hours INTEGER NOT NULL,
                    PRIMARY KEY (topic_id, account_id)
                ) STRICT, WITHOUT ROWID;
                INSERT INTO topic_completion (topic_id, account_id, lessons, hours)
                    SELECT lp.topic_id, lp.account_id, COUNT(*), SUM(l.credit_hours)
                    FROM lesson_progress lp JOIN lesson l ON l.id = lp.lesson_id
                    WHERE lp.completed_at IS NOT NULL GROUP BY lp.topic_id, lp.account_id;

                CREATE TRIGGER topic_completion_insert AFTER INSERT ON lesson_progress WHEN new.completed_at IS NOT NULL BEGIN
                    INSERT INTO topic_completion (topic_id, account_id, lessons, hours)
                    VALUES (new.topic_id, new.account_id, 1, (SELECT credit_hours FROM lesson WHERE id = new.lesson_id))
                    ON CONFLICT (topic_id, account_id) DO UPDATE SET lessons = lessons + 1, hours = hours + excluded.hours;
                END;
                CREATE TRIGGER topic_completion_complete AFTER UPDATE OF completed_at ON lesson_progress
                WHEN old.completed_at IS NULL AND new.completed_at IS NOT NULL BEGIN
                    INSERT INTO topic_completion (topic_id, account_id, lessons, hours)
                    VALUES (new.topic_id, new.account_id, 1, (SELECT credit_hours FROM lesson WHERE id = new.lesson_id))
                    ON CONFLICT (topic_id, account_id) DO UPDATE SET lessons = lessons + 1, hours = hours + excluded.hours;
                END;
                CREATE TRIGGER topic_completion_uncomplete AFTER UPDATE OF completed_at ON lesson_progress
                WHEN old.completed_at IS NOT NULL AND new.completed_at IS NULL BEGIN
                    UPDATE topic_completion SET lessons = lessons - 1,
                        hours = hours - (SELECT credit_hours FROM lesson WHERE id = old.lesson_id)
                    WHERE topic_id = old.topic_id AND account_id = old.account_id;
                END;
                CREATE TRIGGER topic_completion_delete AFTER DELETE ON lesson_progress WHEN old.completed_at IS NOT NULL BEGIN
                    UPDATE topic_completion SET lessons = lessons - 1,
                        hours = hours - (SELECT credit_hours FROM lesson WHERE id = old.lesson_id)
                    WHERE topic_id = old.topic_id AND account_id = old.account_id;
                END;
                """)
        }
    }
}
