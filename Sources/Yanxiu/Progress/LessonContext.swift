import Foundation
import JSONValues

/// Everything the progress rules need to know about one lesson and its topic.
public struct LessonContext: Sendable {
    public let lessonId: String
    public let topicId: String
    public let title: String
    public let creditHours: Double
    public let rules: LessonRules
    public let windowStart: Int64
    public let windowEnd: Int64
    public let grader: QuizGrader
    public let credit: CreditPolicy

    public func isOpen(at now: Int64) -> Bool { now >= windowStart && now < windowEnd }
}

/// The progress settings of the daemon that apply to every lesson.
public struct ProgressSettings: Sendable, Equatable {
    public var heartbeatIntervalMs: Int64 = 10_000
    public var jitterAllowanceMs: Int64 = 5_000
    public var spanCapMs: Int64 = 300_000
    public var journalRetentionMs: Int64 = 90 * 24 * 3600 * 1000
    public init() {}
}

extension LessonContext {
    /// Reads a lesson and its topic; nil when the lesson does not exist.
    static func load(_ progress: any ProgressStore, lessonId: String, settings: ProgressSettings) throws -> LessonContext? {
        guard let record = try progress.lesson(lessonId) else { return nil }
        return try LessonContext(record, settings: settings)
    }

    /// The context of a stored lesson under the daemon's settings.
    init(_ record: LessonRecord, settings: ProgressSettings) throws {
        let topic = TopicRules.stored(record.rules)
        let quiz = QuizDocument(json: record.quiz)
        let rules = try LessonRules(
            durationMs: record.durationMs, quizAtMs: record.quizAtMs, maxPlaybackRate: topic.maxPlaybackRate,
            endToleranceSeconds: topic.endToleranceSeconds, jitterAllowanceMs: settings.jitterAllowanceMs,
            spanCapMs: settings.spanCapMs, heartbeatIntervalMs: settings.heartbeatIntervalMs)
        self.init(
            lessonId: record.lessonId, topicId: record.topicId, title: record.title, creditHours: Double(record.creditHours), rules: rules,
            windowStart: record.windowStart, windowEnd: record.windowEnd,
            grader: QuizGrader(questions: quiz.questions, passMark: quiz.passMark), credit: topic.creditPolicy)
    }
}

extension TopicRules {
    /// The rules as stored in `topic.rules`; the programme's defaults for anything missing or unreadable.
    static func stored(_ json: String) -> TopicRules {
        (try? JSONDecoder().decode(TopicRules.self, from: Data(json.utf8))) ?? .default
    }

    /// The credit rule these rules describe.
    var creditPolicy: CreditPolicy {
        CreditPolicy(
            minLessons: [.mentalHealthTeacher: minLessons.mentalHealthTeacher, .homeroomTeacher: minLessons.homeroomTeacher],
            maxRecognisedHours: Double(maxRecognisedHours))
    }
}

/// The grading parts of a lesson's stored quiz (the topic document's `quiz` object).
struct QuizDocument {
    var passMark: Int?
    var questions: [QuizQuestion] = []

    init(json: String) {
        guard let value = try? JSONParser.parse(json) else { return }
        passMark = value["passMark"]?.int64Value.map { Int($0) }
        questions = (value["questions"]?.arrayValue ?? []).compactMap { question in
            guard let id = question["id"]?.stringValue else { return nil }
            let kind = QuizQuestion.Kind(rawValue: question["kind"]?.stringValue ?? "single") ?? .single
            let answer = Set((question["answer"]?.arrayValue ?? []).compactMap { $0.int64Value.map { Int($0) } })
            return QuizQuestion(id: id, kind: kind, optionCount: question["options"]?.arrayValue?.count ?? 0, answer: answer)
        }
    }
}
