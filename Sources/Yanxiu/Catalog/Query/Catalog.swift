/// Reads of the catalog: topics, courses and lessons. Each function runs inside the caller's
/// transaction so a service can combine it with its own checks.
public enum Catalog {
    /// Every topic, newest window first.
    public static func topics(_ tx: any StoreTransaction) throws -> [TopicSummary] {
        try tx.catalog.topics()
    }

    /// One topic, or 404 `topic.unknown`.
    public static func topic(_ tx: any StoreTransaction, id: String) throws -> TopicSummary {
        guard let topic = try tx.catalog.topic(id: id) else { throw unknownTopic(id) }
        return topic
    }

    /// The courses of a topic in document order, each with its lessons; 404 `topic.unknown`.
    public static func courses(_ tx: any StoreTransaction, topicID: String) throws -> [CourseView] {
        _ = try topic(tx, id: topicID)
        return try tx.catalog.courses(topicID: topicID)
    }

    /// A lesson for players (answers left out), or 404 `lesson.unknown`.
    public static func lesson(_ tx: any StoreTransaction, id: String) throws -> LessonView {
        let context = try lessonContext(tx, lessonID: id)
        let questions = context.quiz.questions.map { LessonView.Question(id: $0.id, prompt: $0.prompt, kind: $0.kind, options: $0.options) }
        let summary = LessonSummary(
            id: context.lessonID, courseID: context.courseID, title: context.title, durationMs: context.durationMs,
            creditHours: context.creditHours, quizAtMs: context.quizAtMs, questionCount: questions.count)
        return LessonView(summary: summary, topicID: context.topicID, passMark: context.quiz.passMark, questions: questions)
    }

    /// The lesson with its quiz answers, its topic's window and rules, or 404 `lesson.unknown`.
    public static func lessonContext(_ tx: any StoreTransaction, lessonID: String) throws -> CatalogLessonContext {
        guard let context = try tx.catalog.lessonContext(lessonID: lessonID) else {
            throw DomainError.notFound("lesson.unknown", "No lesson \(lessonID)")
        }
        return context
    }

    static func unknownTopic(_ id: String) -> DomainError { DomainError.notFound("topic.unknown", "No topic \(id)") }
}
