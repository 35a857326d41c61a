import Foundation
import GRDB

/// The rows one accepted heartbeat or quiz submission commits.
struct ProgressWrite: Sendable {
    let accountID: Int64
    let lessonId: String
    let topicId: String
    let now: Int64
    let progressState: Data
    let progress: LessonProgress
    /// The account's playback state, when it changed.
    let trackerState: Data?
    let journal: JournalEntry?

    /// One row of the heartbeat journal.
    struct JournalEntry: Sendable {
        let playbackId: String
        let seq: Int64
        let positionMs: Int64
        let state: String
        let rate: Double
        let verdict: String
        let creditedMs: Int64
    }

    func apply(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, study_ms, quiz_passed_at, completed_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account_id, lesson_id) DO UPDATE SET
                state = excluded.state, study_ms = excluded.study_ms, quiz_passed_at = excluded.quiz_passed_at,
                completed_at = excluded.completed_at, updated_at = excluded.updated_at
            """).execute(arguments: [
                accountID, lessonId, topicId, progressState, progress.studyMs, progress.quizPassedAt, progress.completedAt, now,
            ])
        if let trackerState {
            try db.cachedStatement(sql: """
                INSERT INTO playback_state (account_id, state, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                """).execute(arguments: [accountID, trackerState, now])
        }
        if let journal {
            try db.cachedStatement(sql: """
                INSERT INTO heartbeat (account_id, lesson_id, playback_id, seq, position_ms, state, rate, at, verdict, credited_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    accountID, lessonId, journal.playbackId, journal.seq, journal.positionMs, journal.state, journal.rate, now,
                    journal.verdict, journal.creditedMs,
                ])
        }
    }
}
