import Dispatch
import Foundation

/// The hot state of one account that its lane keeps in memory between heartbeats.
struct AccountProgressState {
    var tracker: PlaybackTracker
    var lessons: [String: LessonProgress] = [:]
    var enrolledTopics: Set<String> = []
    var lastTouched: UInt64 = DispatchTime.now().uptimeNanoseconds

    static func load(_ progress: any ProgressStore, accountID: Int64) throws -> AccountProgressState {
        let tracker = try progress.playbackState(accountID: accountID).map(StateCodec.decodeTracker) ?? PlaybackTracker()
        return AccountProgressState(tracker: tracker)
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
