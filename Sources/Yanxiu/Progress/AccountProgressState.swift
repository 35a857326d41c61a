import Dispatch
import Foundation

/// The hot state of one account that its lane keeps in memory between heartbeats: a cache of what
/// is stored. The next write of the account is judged on `stamp`, and commits only if that is still
/// the account's last write (see `ProgressWrite`).
struct AccountProgressState {
    var tracker: PlaybackTracker
    var lessons: [String: LessonProgress] = [:]
    var enrolledTopics: Set<String> = []
    var lastTouched: UInt64 = DispatchTime.now().uptimeNanoseconds
    /// The stamp of the last write this state includes, committed or still in flight; 0 when none.
    var stamp: Int64
    /// Which load of the lane this state comes from, so that a write's failure drops only the
    /// state it was judged on, never one loaded since.
    var generation: UInt64 = 0

    static func load(_ progress: any ProgressStore, accountID: Int64) throws -> AccountProgressState {
        guard let stored = try progress.playbackState(accountID: accountID) else {
            return AccountProgressState(tracker: PlaybackTracker(), stamp: 0)
        }
        return AccountProgressState(tracker: try StateCodec.decodeTracker(stored.state), stamp: stored.writer)
    }

    static func loadLesson(_ progress: any ProgressStore, accountID: Int64, lessonId: String) throws -> LessonProgress? {
        try progress.lessonState(accountID: accountID, lessonId: lessonId).map(StateCodec.decodeProgress)
    }

    /// Whether the account may study `topicId` now: enrolled, and a teacher at present. 412
    /// `enrollment.teacher_required` for an enrolled account that switched to another identity.
    static func mayStudy(_ progress: any ProgressStore, accountID: Int64, topicId: String) throws -> Bool {
        switch try progress.standing(accountID: accountID, topicId: topicId) {
        case .notEnrolled: return false
        case .enrolledTeacher: return true
        case .enrolledOtherIdentity:
            throw DomainError.precondition(
                "enrollment.teacher_required", "Only teachers study the topic; switch back to the teacher identity to continue",
                data: ["topicId": .string(topicId)])
        }
    }
}
