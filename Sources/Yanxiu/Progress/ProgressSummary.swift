import Foundation

/// A teacher's standing in a topic: study time, hours, qualification and each lesson's status.
public struct ProgressSummary: Sendable {
    public struct Lesson: Sendable {
        public let lessonId: String
        public let title: String
        public let status: LessonStatus
        public let studySeconds: Int64
    }

    public let topicId: String
    public let studySeconds: Int64
    public let assessment: CreditAssessment
    public let lessons: [Lesson]
    public let verifiedRoles: Set<TeacherRole>

    /// Reads the summary of `accountID` in `topicId`; 412 `enrollment.required` when not enrolled.
    public static func load(_ tx: any StoreTransaction, accountID: Int64, topicId: String, settings: ProgressSettings) throws -> ProgressSummary {
        let store = tx.progress
        guard try store.standing(accountID: accountID, topicId: topicId) != .notEnrolled else {
            throw DomainError.precondition("enrollment.required", "Not enrolled in topic \(topicId)")
        }
        let lessonIds = try store.lessonIds(topicId: topicId)
        var stored: [String: (LessonProgress, Int64)] = [:]
        for row in try store.lessonProgress(accountID: accountID, topicId: topicId) {
            stored[row.lessonId] = (try StateCodec.decodeProgress(row.state), row.studyMs)
        }
        var lessons: [Lesson] = []
        var completedHours: [Double] = []
        var credit = CreditPolicy()
        for lessonId in lessonIds {
            guard let context = try LessonContext.load(store, lessonId: lessonId, settings: settings) else { continue }
            credit = context.credit
            let progress = stored[lessonId]?.0
            let status = LessonStatus(progress: progress, rules: context.rules)
            if progress?.isCompleted == true { completedHours.append(context.creditHours) }
            lessons.append(Lesson(lessonId: lessonId, title: context.title, status: status, studySeconds: (stored[lessonId]?.1 ?? 0) / 1000))
        }
        let roles = try store.verifiedRoles(accountID: accountID)
        let totalStudyMs = stored.values.reduce(0) { $0 + $1.1 }
        return ProgressSummary(
            topicId: topicId, studySeconds: totalStudyMs / 1000,
            assessment: credit.assess(completedLessonHours: completedHours, verifiedRoles: roles), lessons: lessons, verifiedRoles: roles)
    }
}
