import GRDB

/// Tables of topics, courses, lessons and enrolments.
enum CatalogSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-catalog") { db in
            try db.execute(sql: """
                CREATE TABLE topic (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    audience TEXT NOT NULL DEFAULT '',
                    window_start INTEGER NOT NULL,             -- ms since the epoch, inclusive
                    window_end INTEGER NOT NULL,               -- ms since the epoch, exclusive
                    rules TEXT NOT NULL,                       -- JSON: minLessons, maxRecognisedHours, maxPlaybackRate, endToleranceSeconds
                    document_hash BLOB NOT NULL,               -- SHA-256 of the canonical document last imported
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    CHECK (window_end > window_start)
                ) STRICT;

                CREATE TABLE course (
                    topic_id TEXT NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    PRIMARY KEY (topic_id, id)
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE lesson (
                    id TEXT PRIMARY KEY NOT NULL,              -- unique across topics: lesson.get takes the id alone
                    topic_id TEXT NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
                    course_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
                    credit_hours INTEGER NOT NULL DEFAULT 1,
                    quiz_at_ms INTEGER NOT NULL,
                    quiz TEXT NOT NULL,                        -- JSON: passMark and questions with their answers
                    FOREIGN KEY (topic_id, course_id) REFERENCES course(topic_id, id)
                ) STRICT;
                CREATE INDEX lesson_topic ON lesson(topic_id, course_id, position);

                CREATE TABLE enrollment (
                    id INTEGER PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES account(id),
                    topic_id TEXT NOT NULL REFERENCES topic(id),
                    school_id INTEGER REFERENCES school(id),
                    form TEXT NOT NULL,                        -- JSON: the enrolment form as accepted
                    created_at INTEGER NOT NULL,
                    UNIQUE (account_id, topic_id)
                ) STRICT;
                CREATE INDEX enrollment_topic_school ON enrollment(topic_id, school_id);
                """)
        }
    }
}
