/// What `report.topic` reads instead of every row of progress: the enrolments of a topic in account
/// order, and each teacher's completed lessons and hours per topic, kept by triggers on
/// `lesson_progress`. The PostgreSQL form of the SQLite schema's final state (its migration v6), same names.
enum PostgresReportsSchema {
    static let sql = """
        -- Covering: the report reads account and school of every enrolment of a topic, in account order.
        CREATE INDEX enrollment_topic_account ON enrollment(topic_id, account_id, school_id);

        -- Completed lessons and their credit hours per teacher and topic. The triggers fire only when
        -- a lesson's completion changes (once per lesson), and credit hours cannot change under them:
        -- a lesson with progress is locked against re-import. Row triggers fire for every row of a
        -- multi-row INSERT ... ON CONFLICT DO UPDATE: its inserted rows as inserts, its conflicting
        -- rows as updates.
        CREATE TABLE topic_completion (
            topic_id TEXT COLLATE "C" NOT NULL,
            account_id BIGINT NOT NULL,
            lessons BIGINT NOT NULL,
            hours BIGINT NOT NULL,
            PRIMARY KEY (topic_id, account_id)
        );

        CREATE FUNCTION topic_completion_add() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO topic_completion AS tc (topic_id, account_id, lessons, hours)
            VALUES (NEW.topic_id, NEW.account_id, 1, (SELECT credit_hours FROM lesson WHERE id = NEW.lesson_id))
            ON CONFLICT (topic_id, account_id) DO UPDATE SET lessons = tc.lessons + 1, hours = tc.hours + excluded.hours;
            RETURN NULL;
        END;
        $$;

        CREATE FUNCTION topic_completion_remove() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE topic_completion SET lessons = lessons - 1,
                hours = hours - (SELECT credit_hours FROM lesson WHERE id = OLD.lesson_id)
            WHERE topic_id = OLD.topic_id AND account_id = OLD.account_id;
            RETURN NULL;
        END;
        $$;

        CREATE TRIGGER topic_completion_insert AFTER INSERT ON lesson_progress
            FOR EACH ROW WHEN (NEW.completed_at IS NOT NULL)
            EXECUTE FUNCTION topic_completion_add();
        CREATE TRIGGER topic_completion_complete AFTER UPDATE OF completed_at ON lesson_progress
            FOR EACH ROW WHEN (OLD.completed_at IS NULL AND NEW.completed_at IS NOT NULL)
            EXECUTE FUNCTION topic_completion_add();
        CREATE TRIGGER topic_completion_uncomplete AFTER UPDATE OF completed_at ON lesson_progress
            FOR EACH ROW WHEN (OLD.completed_at IS NOT NULL AND NEW.completed_at IS NULL)
            EXECUTE FUNCTION topic_completion_remove();
        CREATE TRIGGER topic_completion_delete AFTER DELETE ON lesson_progress
            FOR EACH ROW WHEN (OLD.completed_at IS NOT NULL)
            EXECUTE FUNCTION topic_completion_remove();
        """
}
