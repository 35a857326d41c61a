import GRDB

/// Reads of the catalog: topics, courses and lessons. Each function runs inside the caller's
/// transaction so a service can combine it with its own checks.
public enum Catalog {
    static let topicColumns = """
        t.id, t.title, t.description, t.audience, t.window_start, t.window_end, t.rules, t.updated_at,
        (SELECT COUNT(*) FROM course c WHERE c.topic_id = t.id) AS course_count,
        (SELECT COUNT(*) FROM lesson l WHERE l.topic_id = t.id) AS lesson_count,
        (SELECT COALESCE(SUM(l.credit_hours), 0) FROM lesson l WHERE l.topic_id = t.id) AS credit_hours
        """

    /// Every topic, newest window first.
    public static func topics(_ db: Database) throws -> [TopicSummary] {
        try Row.fetchAll(db, sql: "SELECT \(topicColumns) FROM topic t ORDER BY t.window_start DESC, t.id").map(topicSummary)
    }

    /// One topic, or 404 `topic.unknown`.
    public static func topic(_ db: Database, id: String) throws -> TopicSummary {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(topicColumns) FROM topic t WHERE t.id = ?", arguments: [id]) else {
            throw unknownTopic(id)
        }
        return try topicSummary(row)
    }

    /// The courses of a topic in document order, each with its lessons.
    public static func courses(_ db: Database, topicID: String) throws -> [CourseView] {
        _ = try topic(db, id: topicID)
        let lessons = try Row.fetchAll(
            db,
            sql: "SELECT id, course_id, title, duration_ms, credit_hours, quiz_at_ms, quiz FROM lesson WHERE topic_id = ? ORDER BY course_id, position",
            arguments: [topicID]
        ).map { try lessonSummary($0).summary }
        let byCourse = Dictionary(grouping: lessons, by: \.courseID)
        return try Row.fetchAll(db, sql: "SELECT id, title FROM course WHERE topic_id = ? ORDER BY position", arguments: [topicID]).map { row in
            let id: String = row["id"]
            return CourseView(id: id, title: row["title"], lessons: byCourse[id] ?? [])
        }
    }

    /// A lesson for players (answers left out), or 404 `lesson.unknown`.
    public static func lesson(_ db: Database, id: String) throws -> LessonView {
        let context = try lessonContext(db, lessonID: id)
        let questions = context.quiz.questions.map { LessonView.Question(id: $0.id, prompt: $0.prompt, kind: $0.kind, options: $0.options) }
        let summary = LessonSummary(
            id: context.lessonID, courseID: context.courseID, title: context.title, durationMs: context.durationMs,
            creditHours: context.creditHours, quizAtMs: context.quizAtMs, questionCount: questions.count)
        return LessonView(summary: summary, topicID: context.topicID, passMark: context.quiz.passMark, questions: questions)
    }

    /// The lesson with its quiz answers, its topic's window and rules, or 404 `lesson.unknown`.
    public static func lessonContext(_ db: Database, lessonID: String) throws -> CatalogLessonContext {
        guard let row = try Row.fetchOne(
            db,
            sql: """
                SELECT l.id, l.topic_id, l.course_id, l.title, l.duration_ms, l.credit_hours, l.quiz_at_ms, l.quiz,
                       t.window_start, t.window_end, t.rules
                FROM lesson l JOIN topic t ON t.id = l.topic_id WHERE l.id = ?
                """,
            arguments: [lessonID])
        else { throw DomainError.notFound("lesson.unknown", "No lesson \(lessonID)") }
        let (summary, quiz) = try lessonSummary(row)
        return CatalogLessonContext(
            lessonID: summary.id, topicID: row["topic_id"], courseID: summary.courseID, title: summary.title, durationMs: summary.durationMs,
            creditHours: summary.creditHours, quizAtMs: summary.quizAtMs, quiz: quiz,
            windowStartMs: row["window_start"], windowEndMs: row["window_end"], rules: try CatalogJSON.decode(TopicRules.self, from: row["rules"]))
    }

    static func unknownTopic(_ id: String) -> DomainError { DomainError.notFound("topic.unknown", "No topic \(id)") }

    static func topicSummary(_ row: Row) throws -> TopicSummary {
        TopicSummary(
            id: row["id"], title: row["title"], description: row["description"], audience: row["audience"],
            windowStartMs: row["window_start"], windowEndMs: row["window_end"], rules: try CatalogJSON.decode(TopicRules.self, from: row["rules"]),
            courseCount: row["course_count"], lessonCount: row["lesson_count"], creditHours: row["credit_hours"], updatedAt: row["updated_at"])
    }

    static func lessonSummary(_ row: Row) throws -> (summary: LessonSummary, quiz: LessonQuiz) {
        let quiz = try CatalogJSON.decode(LessonQuiz.self, from: row["quiz"])
        let summary = LessonSummary(
            id: row["id"], courseID: row["course_id"], title: row["title"], durationMs: row["duration_ms"],
            creditHours: row["credit_hours"], quizAtMs: row["quiz_at_ms"], questionCount: quiz.questions.count)
        return (summary, quiz)
    }
}
