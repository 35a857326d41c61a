import Foundation
import Postgres

/// `CatalogStore` on PostgreSQL: reads of topics, courses and lessons.
struct PostgresCatalogStore: CatalogStore {
    let db: PostgresDatabase

    /// `sum` of a BIGINT is NUMERIC, so the credit hours are cast back.
    static let topicColumns = """
        t.id, t.title, t.description, t.audience, t.window_start, t.window_end, t.rules, t.updated_at,
        (SELECT count(*) FROM course c WHERE c.topic_id = t.id) AS course_count,
        (SELECT count(*) FROM lesson l WHERE l.topic_id = t.id) AS lesson_count,
        (SELECT COALESCE(sum(l.credit_hours), 0)::bigint FROM lesson l WHERE l.topic_id = t.id) AS credit_hours
        """

    func topics() throws -> [TopicSummary] {
        try db.execute("SELECT \(Self.topicColumns) FROM topic t ORDER BY t.window_start DESC, t.id").map(Self.topicSummary)
    }

    func topic(id: String) throws -> TopicSummary? {
        try db.first("SELECT \(Self.topicColumns) FROM topic t WHERE t.id = $1", [id]).map(Self.topicSummary)
    }

    func hasTopics() throws -> Bool {
        try db.first("SELECT 1 FROM topic LIMIT 1") != nil
    }

    func courses(topicID: String) throws -> [CourseView] {
        let lessons = try db.execute(
            "SELECT id, course_id, title, duration_ms, credit_hours, quiz_at_ms, quiz FROM lesson WHERE topic_id = $1 ORDER BY course_id, position",
            [topicID]
        ).map { try Self.lessonSummary($0).summary }
        let byCourse = Dictionary(grouping: lessons, by: \.courseID)
        return try db.execute("SELECT id, title FROM course WHERE topic_id = $1 ORDER BY position", [topicID]).map { row in
            let id: String = row["id"]
            return CourseView(id: id, title: row["title"], lessons: byCourse[id] ?? [])
        }
    }

    func lessonContext(lessonID: String) throws -> CatalogLessonContext? {
        guard let row = try db.first(
            """
            SELECT l.id, l.topic_id, l.course_id, l.title, l.duration_ms, l.credit_hours, l.quiz_at_ms, l.quiz,
                   t.window_start, t.window_end, t.rules
            FROM lesson l JOIN topic t ON t.id = l.topic_id WHERE l.id = $1
            """,
            [lessonID])
        else { return nil }
        let (summary, quiz) = try Self.lessonSummary(row)
        return CatalogLessonContext(
            lessonID: summary.id, topicID: row["topic_id"], courseID: summary.courseID, title: summary.title, durationMs: summary.durationMs,
            creditHours: summary.creditHours, quizAtMs: summary.quizAtMs, quiz: quiz,
            windowStartMs: row["window_start"], windowEndMs: row["window_end"], rules: try CatalogJSON.decode(TopicRules.self, from: row["rules"]))
    }

    func updateWindowAndRules(topicID: String, windowStartMs: Int64, windowEndMs: Int64, rules: TopicRules, now: Int64) throws {
        try db.execute(
            "UPDATE topic SET window_start = $1, window_end = $2, rules = $3, updated_at = $4 WHERE id = $5",
            [windowStartMs, windowEndMs, try CatalogJSON.encodeString(rules), now, topicID])
    }

    static func topicSummary(_ row: PostgresRow) throws -> TopicSummary {
        TopicSummary(
            id: row["id"], title: row["title"], description: row["description"], audience: row["audience"],
            windowStartMs: row["window_start"], windowEndMs: row["window_end"], rules: try CatalogJSON.decode(TopicRules.self, from: row["rules"]),
            courseCount: row["course_count"], lessonCount: row["lesson_count"], creditHours: row["credit_hours"], updatedAt: row["updated_at"])
    }

    static func lessonSummary(_ row: PostgresRow) throws -> (summary: LessonSummary, quiz: LessonQuiz) {
        let quiz = try CatalogJSON.decode(LessonQuiz.self, from: row["quiz"])
        let summary = LessonSummary(
            id: row["id"], courseID: row["course_id"], title: row["title"], durationMs: row["duration_ms"],
            creditHours: row["credit_hours"], quizAtMs: row["quiz_at_ms"], questionCount: quiz.questions.count)
        return (summary, quiz)
    }
}
