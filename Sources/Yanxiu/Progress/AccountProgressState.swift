import Dispatch
import Foundation
import GRDB

/// The hot state of one account that its lane keeps in memory between heartbeats.
struct AccountProgressState {
    var tracker: PlaybackTracker
    var lessons: [String: LessonProgress] = [:]
    var enrolledTopics: Set<String> = []
    var lastTouched: UInt64 = DispatchTime.now().uptimeNanoseconds

    static func load(_ db: Database, accountID: Int64) throws -> AccountProgressState {
        let stored = try Data.fetchOne(db, sql: "SELECT state FROM playback_state WHERE account_id = ?", arguments: [accountID])
        let tracker = try stored.map(StateCodec.decodeTracker) ?? PlaybackTracker()
        return AccountProgressState(tracker: tracker)
    }

    static func loadLesson(_ db: Database, accountID: Int64, lessonId: String) throws -> LessonProgress? {
        guard let stored = try Data.fetchOne(
            db, sql: "SELECT state FROM lesson_progress WHERE account_id = ? AND lesson_id = ?", arguments: [accountID, lessonId])
        else { return nil }
        return try StateCodec.decodeProgress(stored)
    }

    static func isEnrolled(_ db: Database, accountID: Int64, topicId: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM enrollment WHERE account_id = ? AND topic_id = ?", arguments: [accountID, topicId]) ?? false
    }

    /// Whether the account may study `topicId` now: enrolled, and a teacher at present. 412
    /// `enrollment.teacher_required` for an enrolled account that switched to another identity.
    static func mayStudy(_ db: Database, accountID: Int64, topicId: String) throws -> Bool {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT a.identity FROM enrollment e JOIN account a ON a.id = e.account_id WHERE e.account_id = ? AND e.topic_id = ?
            """, arguments: [accountID, topicId])
        else { return false }
        guard (row["identity"] as String?) == "teacher" else {
            throw DomainError.precondition(
                "enrollment.teacher_required", "Only teachers study the topic; switch back to the teacher identity to continue",
                data: ["topicId": .string(topicId)])
        }
        return true
    }
}
