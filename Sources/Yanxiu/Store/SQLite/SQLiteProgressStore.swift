import Foundation
import GRDB

/// `ProgressStore` on SQLite: lesson progress, playback states, the journal and quiz submissions.
struct SQLiteProgressStore: ProgressStore {
    let db: Database

    func playbackState(accountID: Int64) throws -> StoredPlaybackState? {
        try Row.fetchOne(db, sql: "SELECT state, version, writer FROM playback_state WHERE account_id = ?", arguments: [accountID]).map { row in
            StoredPlaybackState(state: row["state"], version: row["version"], writer: row["writer"])
        }
    }

    func lessonState(accountID: Int64, lessonId: String) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT state FROM lesson_progress WHERE account_id = ? AND lesson_id = ?", arguments: [accountID, lessonId])
    }

    func lessonProgress(accountID: Int64, topicId: String) throws -> [StoredLessonProgress] {
        try Row.fetchAll(db, sql: "SELECT lesson_id, state, study_ms FROM lesson_progress WHERE account_id = ? AND topic_id = ?",
                         arguments: [accountID, topicId]).map { row in
            StoredLessonProgress(lessonId: row["lesson_id"], state: row["state"], studyMs: row["study_ms"])
        }
    }

    func standing(accountID: Int64, topicId: String) throws -> StudyStanding {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT a.identity FROM enrollment e JOIN account a ON a.id = e.account_id WHERE e.account_id = ? AND e.topic_id = ?
            """, arguments: [accountID, topicId])
        else { return .notEnrolled }
        return (row["identity"] as String?) == "teacher" ? .enrolledTeacher : .enrolledOtherIdentity
    }

    func lesson(_ lessonId: String) throws -> LessonRecord? {
        try Row.fetchOne(db, sql: """
            SELECT l.topic_id, l.title, l.duration_ms, l.credit_hours, l.quiz_at_ms, l.quiz, t.window_start, t.window_end, t.rules
            FROM lesson l JOIN topic t ON t.id = l.topic_id WHERE l.id = ?
            """, arguments: [lessonId]).map { row in
            LessonRecord(
                lessonId: lessonId, topicId: row["topic_id"], title: row["title"], durationMs: row["duration_ms"],
                creditHours: row["credit_hours"], quizAtMs: row["quiz_at_ms"], quiz: row["quiz"],
                windowStart: row["window_start"], windowEnd: row["window_end"], rules: row["rules"])
        }
    }

    func lessonIds(topicId: String) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT l.id FROM lesson l JOIN course c ON c.topic_id = l.topic_id AND c.id = l.course_id
            WHERE l.topic_id = ? ORDER BY c.position, l.position
            """, arguments: [topicId])
    }

    func verifiedRoles(accountID: Int64) throws -> Set<TeacherRole> {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT verified_mental_health, verified_homeroom FROM school_member WHERE account_id = ? AND status = 'verified'
            """, arguments: [accountID])
        else { return [] }
        var roles = Set<TeacherRole>()
        if row["verified_mental_health"] as Bool { roles.insert(.mentalHealthTeacher) }
        if row["verified_homeroom"] as Bool { roles.insert(.homeroomTeacher) }
        return roles
    }

    /// Prepared statements: every accepted heartbeat comes through here. The version is claimed
    /// first (the playback state is written with it), so a stale write writes nothing.
    func save(_ write: ProgressWrite) throws {
        try claimVersion(write)
        try db.cachedStatement(sql: """
            INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, study_ms, quiz_passed_at, completed_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account_id, lesson_id) DO UPDATE SET
                state = excluded.state, study_ms = excluded.study_ms, quiz_passed_at = excluded.quiz_passed_at,
                completed_at = excluded.completed_at, updated_at = excluded.updated_at
            """).execute(arguments: [
                write.accountID, write.lessonId, write.topicId, write.progressState, write.progress.studyMs,
                write.progress.quizPassedAt, write.progress.completedAt, write.now,
            ])
        if let journal = write.journal {
            try db.cachedStatement(sql: """
                INSERT INTO heartbeat (account_id, lesson_id, playback_id, seq, position_ms, state, rate, at, verdict, credited_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    write.accountID, write.lessonId, journal.playbackId, journal.seq, journal.positionMs, journal.state, journal.rate,
                    journal.at, journal.verdict, journal.creditedMs,
                ])
        }
    }

    /// Moves the account's version from the write's basis to its stamp, with the playback state
    /// when the write carries one; throws `StoreError.stale` when the basis is no longer the last write.
    private func claimVersion(_ write: ProgressWrite) throws {
        try db.cachedStatement(sql: """
            UPDATE playback_state SET state = coalesce(?, state), updated_at = ?, version = version + 1, writer = ?
            WHERE account_id = ? AND writer = ?
            """).execute(arguments: [write.trackerState, write.now, write.stamp, write.accountID, write.basis])
        if db.changesCount == 1 { return }
        if write.basis == 0 {
            try db.cachedStatement(sql: """
                INSERT INTO playback_state (account_id, state, updated_at, version, writer) VALUES (?, ?, ?, 1, ?)
                ON CONFLICT (account_id) DO NOTHING
                """).execute(arguments: [write.accountID, write.trackerState ?? StateCodec.encode(PlaybackTracker()), write.now, write.stamp])
            if db.changesCount == 1 { return }
        }
        throw StoreError.stale
    }

    func renewVersion(accountID: Int64, now: Int64) throws {
        // An odd random stamp: never 0, never one a write brings in practice.
        try db.execute(sql: """
            INSERT INTO playback_state (account_id, state, updated_at, version, writer) VALUES (?, ?, ?, 1, random() | 1)
            ON CONFLICT (account_id) DO UPDATE SET version = version + 1, writer = excluded.writer, updated_at = excluded.updated_at
            """, arguments: [accountID, StateCodec.encode(PlaybackTracker()), now])
    }

    func recordQuizSubmission(_ submission: QuizSubmissionRecord) throws {
        try db.execute(
            sql: "INSERT INTO quiz_submission (account_id, lesson_id, at, correct, total, passed, answers) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [submission.accountID, submission.lessonId, submission.at, submission.correct, submission.total,
                        submission.passed, submission.answers])
    }

    func journal(accountID: Int64, lessonId: String, limit: Int) throws -> [HeartbeatJournal.Entry] {
        try Row.fetchAll(db, sql: """
            SELECT at, playback_id, seq, position_ms, state, rate, verdict, credited_ms FROM heartbeat
            WHERE account_id = ? AND lesson_id = ? ORDER BY id DESC LIMIT ?
            """, arguments: [accountID, lessonId, limit]).reversed().map { row in
            HeartbeatJournal.Entry(
                at: row["at"], playbackId: row["playback_id"], seq: row["seq"], positionMs: row["position_ms"], state: row["state"],
                rate: row["rate"], verdict: row["verdict"], creditedMs: row["credited_ms"])
        }
    }

    func pruneJournal(olderThan cutoff: Int64, limit: Int) throws -> Int {
        try db.execute(sql: "DELETE FROM heartbeat WHERE id IN (SELECT id FROM heartbeat WHERE at < ? ORDER BY at LIMIT ?)", arguments: [cutoff, limit])
        return db.changesCount
    }
}
