import Foundation
import JSONValues
import Postgres

/// `ProgressStore` on PostgreSQL: lesson progress, playback states, the journal and quiz submissions.
///
/// `save` defers its rows to the writer's batch (see `ProgressBatch`): a batch of heartbeats costs
/// a few multi-row statements, not three statements each.
struct PostgresProgressStore: ProgressStore {
    let db: PostgresDatabase

    func playbackState(accountID: Int64) throws -> StoredPlaybackState? {
        try db.first("SELECT state, version, writer FROM playback_state WHERE account_id = $1", [accountID]).map { row in
            StoredPlaybackState(state: row["state"], version: row["version"], writer: row["writer"])
        }
    }

    func lessonState(accountID: Int64, lessonId: String) throws -> Data? {
        try db.first("SELECT state FROM lesson_progress WHERE account_id = $1 AND lesson_id = $2", [accountID, lessonId])?[0]
    }

    func lessonProgress(accountID: Int64, topicId: String) throws -> [StoredLessonProgress] {
        try db.execute("SELECT lesson_id, state, study_ms FROM lesson_progress WHERE account_id = $1 AND topic_id = $2",
                       [accountID, topicId]).map { row in
            StoredLessonProgress(lessonId: row["lesson_id"], state: row["state"], studyMs: row["study_ms"])
        }
    }

    func standing(accountID: Int64, topicId: String) throws -> StudyStanding {
        guard let row = try db.first("""
            SELECT a.identity FROM enrollment e JOIN account a ON a.id = e.account_id WHERE e.account_id = $1 AND e.topic_id = $2
            """, [accountID, topicId])
        else { return .notEnrolled }
        return (row["identity"] as String?) == "teacher" ? .enrolledTeacher : .enrolledOtherIdentity
    }

    func lesson(_ lessonId: String) throws -> LessonRecord? {
        try db.first("""
            SELECT l.topic_id, l.title, l.duration_ms, l.credit_hours, l.quiz_at_ms, l.quiz, t.window_start, t.window_end, t.rules
            FROM lesson l JOIN topic t ON t.id = l.topic_id WHERE l.id = $1
            """, [lessonId]).map { row in
            LessonRecord(
                lessonId: lessonId, topicId: row["topic_id"], title: row["title"], durationMs: row["duration_ms"],
                creditHours: row["credit_hours"], quizAtMs: row["quiz_at_ms"], quiz: row["quiz"],
                windowStart: row["window_start"], windowEnd: row["window_end"], rules: row["rules"])
        }
    }

    func lessonIds(topicId: String) throws -> [String] {
        try db.execute("""
            SELECT l.id FROM lesson l JOIN course c ON c.topic_id = l.topic_id AND c.id = l.course_id
            WHERE l.topic_id = $1 ORDER BY c.position, l.position
            """, [topicId]).map { $0[0] }
    }

    func verifiedRoles(accountID: Int64) throws -> Set<TeacherRole> {
        guard let row = try db.first("""
            SELECT verified_mental_health, verified_homeroom FROM school_member WHERE account_id = $1 AND status = 'verified'
            """, [accountID])
        else { return [] }
        var roles = Set<TeacherRole>()
        if row["verified_mental_health"] as Bool { roles.insert(.mentalHealthTeacher) }
        if row["verified_homeroom"] as Bool { roles.insert(.homeroomTeacher) }
        return roles
    }

    func save(_ write: ProgressWrite) throws {
        try db.save(write)
    }

    func renewVersion(accountID: Int64, now: Int64) throws {
        // An odd random stamp: never 0, never one a write brings in practice.
        try db.execute("""
            INSERT INTO playback_state (account_id, state, updated_at, version, writer) VALUES ($1, $2, $3, 1, (random() * 4e18)::bigint | 1)
            ON CONFLICT (account_id) DO UPDATE SET
                version = playback_state.version + 1, writer = excluded.writer, updated_at = excluded.updated_at
            """, [accountID, StateCodec.encode(PlaybackTracker()), now])
    }

    func recordQuizSubmission(_ submission: QuizSubmissionRecord) throws {
        try db.execute(
            "INSERT INTO quiz_submission (account_id, lesson_id, at, correct, total, passed, answers) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            [submission.accountID, submission.lessonId, submission.at, submission.correct, submission.total, submission.passed, submission.answers])
    }

    func journal(accountID: Int64, lessonId: String, limit: Int) throws -> [HeartbeatJournal.Entry] {
        try db.execute("""
            SELECT at, playback_id, seq, position_ms, state, rate, verdict, credited_ms FROM heartbeat
            WHERE account_id = $1 AND lesson_id = $2 ORDER BY id DESC LIMIT $3
            """, [accountID, lessonId, limit]).reversed().map { row in
            HeartbeatJournal.Entry(
                at: row["at"], playbackId: row["playback_id"], seq: row["seq"], positionMs: row["position_ms"], state: row["state"],
                rate: row["rate"], verdict: row["verdict"], creditedMs: row["credited_ms"])
        }
    }

    func pruneJournal(olderThan cutoff: Int64, limit: Int) throws -> Int {
        try db.execute("DELETE FROM heartbeat WHERE id IN (SELECT id FROM heartbeat WHERE at < $1 ORDER BY at LIMIT $2)", [cutoff, limit]).affectedRows
    }
}
