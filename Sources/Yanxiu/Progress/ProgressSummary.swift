import Foundation
import GRDB
import JSONRPC

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
    public static func load(_ db: Database, accountID: Int64, topicId: String, settings: ProgressSettings) throws -> ProgressSummary {
        guard try AccountProgressState.isEnrolled(db, accountID: accountID, topicId: topicId) else {
            throw DomainError.precondition("enrollment.required", "Not enrolled in topic \(topicId)")
        }
        let lessonIds = try String.fetchAll(db, sql: """
            SELECT l.id FROM lesson l JOIN course c ON c.topic_id = l.topic_id AND c.id = l.course_id
            WHERE l.topic_id = ? ORDER BY c.position, l.position
            """, arguments: [topicId])
        var stored: [String: (LessonProgress, Int64)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT lesson_id, state, study_ms FROM lesson_progress WHERE account_id = ? AND topic_id = ?", arguments: [accountID, topicId]) {
            let state: Data = row["state"]
            stored[row["lesson_id"]] = (try StateCodec.decodeProgress(state), row["study_ms"])
        }
        var lessons: [Lesson] = []
        var completedHours: [Double] = []
        var credit = CreditPolicy()
        for lessonId in lessonIds {
            guard let context = try LessonContext.load(db, lessonId: lessonId, settings: settings) else { continue }
            credit = context.credit
            let progress = stored[lessonId]?.0
            let status = LessonStatus(progress: progress, rules: context.rules)
            if progress?.isCompleted == true { completedHours.append(context.creditHours) }
            lessons.append(Lesson(lessonId: lessonId, title: context.title, status: status, studySeconds: (stored[lessonId]?.1 ?? 0) / 1000))
        }
        let roles = try verifiedRoles(db, accountID: accountID)
        let totalStudyMs = stored.values.reduce(0) { $0 + $1.1 }
        return ProgressSummary(
            topicId: topicId, studySeconds: totalStudyMs / 1000,
            assessment: credit.assess(completedLessonHours: completedHours, verifiedRoles: roles), lessons: lessons, verifiedRoles: roles)
    }

    /// The roles a school administrator verified for the account.
    public static func verifiedRoles(_ db: Database, accountID: Int64) throws -> Set<TeacherRole> {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT verified_mental_health, verified_homeroom FROM school_member WHERE account_id = ? AND status = 'verified'
            """, arguments: [accountID])
        else { return [] }
        var roles = Set<TeacherRole>()
        if row["verified_mental_health"] as Bool { roles.insert(.mentalHealthTeacher) }
        if row["verified_homeroom"] as Bool { roles.insert(.homeroomTeacher) }
        return roles
    }

    public var json: JSONValue {
        var object: JSONObject = [
            "topicId": .string(topicId),
            "studySeconds": .int64(studySeconds),
            "completedLessons": .int(assessment.completedLessons),
            "learnedHours": .double(assessment.learnedHours),
            "recognisedHours": .double(assessment.recognisedHours),
            "qualifies": .bool(assessment.qualifies),
            "verifiedRoles": .array(verifiedRoles.map { .string($0.rawValue) }.sorted { $0.stringValue! < $1.stringValue! }),
        ]
        if let role = assessment.qualifyingRole { object["qualifyingRole"] = .string(role.rawValue) }
        if let missing = assessment.missing {
            object["missing"] = ["reason": .string(missing.reason), "explanation": .string(missing.explanation)]
        }
        object["lessons"] = .array(lessons.map { lesson in
            [
                "lessonId": .string(lesson.lessonId), "title": .string(lesson.title), "status": .string(lesson.status.key),
                "reason": .optional(lesson.status.reason), "explanation": .string(lesson.status.explanation),
                "studySeconds": .int64(lesson.studySeconds),
            ]
        })
        return .object(object)
    }
}
