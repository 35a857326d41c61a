import GRDB

/// Tables of watch progress, playbacks, the heartbeat journal, quiz submissions and certificates.
enum ProgressSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-progress") { db in
            try db.execute(sql: """
                CREATE TABLE lesson_progress (
                    account_id INTEGER NOT NULL REFERENCES account(id),
                    lesson_id TEXT NOT NULL REFERENCES lesson(id),
                    topic_id TEXT NOT NULL REFERENCES topic(id),
                    state BLOB NOT NULL,                       -- StateCodec form of LessonProgress (coverage, budget carry, quiz times)
                    study_ms INTEGER NOT NULL DEFAULT 0,
                    quiz_passed_at INTEGER,
                    completed_at INTEGER,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (account_id, lesson_id)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX lesson_progress_topic ON lesson_progress(topic_id, account_id);

                -- The hot playback state of an account (current playbacks, retired ids), one row per account.
                CREATE TABLE playback_state (
                    account_id INTEGER PRIMARY KEY NOT NULL REFERENCES account(id),
                    state BLOB NOT NULL,                       -- StateCodec form of PlaybackTracker
                    updated_at INTEGER NOT NULL
                ) STRICT;

                CREATE TABLE heartbeat (
                    id INTEGER PRIMARY KEY,
                    account_id INTEGER NOT NULL,
                    lesson_id TEXT NOT NULL,
                    playback_id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    position_ms INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    rate REAL NOT NULL,
                    at INTEGER NOT NULL,
                    verdict TEXT NOT NULL,
                    credited_ms INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX heartbeat_account_lesson ON heartbeat(account_id, lesson_id, id);
                CREATE INDEX heartbeat_at ON heartbeat(at);

                CREATE TABLE quiz_submission (
                    id INTEGER PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES account(id),
                    lesson_id TEXT NOT NULL REFERENCES lesson(id),
                    at INTEGER NOT NULL,
                    correct INTEGER NOT NULL,
                    total INTEGER NOT NULL,
                    passed INTEGER NOT NULL,
                    answers TEXT NOT NULL
                ) STRICT;
                CREATE INDEX quiz_submission_account ON quiz_submission(account_id, lesson_id);
                """)
        }
    }
}
