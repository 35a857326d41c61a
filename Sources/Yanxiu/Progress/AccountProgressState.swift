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
}
