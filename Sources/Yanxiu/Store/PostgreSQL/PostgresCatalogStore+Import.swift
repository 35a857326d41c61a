import Foundation
import Postgres

/// `CatalogStore` on PostgreSQL: what `topic.import` reads and writes.
extension PostgresCatalogStore {
    func documentHash(topicID: String) throws -> Data? {
        try db.first("SELECT document_hash FROM topic WHERE id = $1", [topicID]).map { $0["document_hash"] as Data }
    }

    func lessonsOfOtherTopics(_ lessonIDs: [String], topicID: String) throws -> [(lessonID: String, topicID: String)] {
        try db.execute("SELECT id, topic_id FROM lesson WHERE topic_id <> $1 AND id = ANY($2)", [topicID, lessonIDs])
            .map { (lessonID: $0["id"] as String, topicID: $0["topic_id"] as String) }
    }

    func lessonGradings(topicID: String) throws -> [String: LessonGrading] {
        var result: [String: LessonGrading] = [:]
        let rows = try db.execute("SELECT id, duration_ms, credit_hours, quiz_at_ms, quiz FROM lesson WHERE topic_id = $1", [topicID])
        for row in rows {
            let quiz = try CatalogJSON.decode(LessonQuiz.self, from: row["quiz"])
            result[row["id"]] = LessonGrading(durationMs: row["duration_ms"], creditHours: row["credit_hours"], quizAtMs: row["quiz_at_ms"], quiz: quiz)
        }
        return result
    }

    func lessonsWithProgress(_ lessonIDs: [String]) throws -> [String] {
        guard !lessonIDs.isEmpty else { return [] }
        return try db.execute(
            """
            SELECT lesson_id FROM lesson_progress WHERE lesson_id = ANY($1)
            UNION SELECT lesson_id FROM quiz_submission WHERE lesson_id = ANY($1)
            ORDER BY 1
            """,
            [lessonIDs]
        ).map { $0[0] }
    }

    func createTopic(_ document: TopicDocument, documentHash: Data, now: Int64) throws {
        try db.execute(
            """
            INSERT INTO topic (id, title, description, audience, window_start, window_end, rules, document_hash, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
            """,
            [
                document.id, document.title, document.description, document.audience, document.windowStartMs, document.windowEndMs,
                try CatalogJSON.encodeString(document.rules), documentHash, now,
            ])
    }

    func updateTopic(_ document: TopicDocument, documentHash: Data, now: Int64) throws {
        try db.execute(
            """
            UPDATE topic SET title = $1, description = $2, audience = $3, window_start = $4, window_end = $5, rules = $6,
                document_hash = $7, updated_at = $8 WHERE id = $9
            """,
            [
                document.title, document.description, document.audience, document.windowStartMs, document.windowEndMs,
                try CatalogJSON.encodeString(document.rules), documentHash, now, document.id,
            ])
    }

    func saveCourse(topicID: String, courseID: String, position: Int, title: String) throws {
        try db.execute(
            """
            INSERT INTO course (topic_id, id, position, title) VALUES ($1, $2, $3, $4)
            ON CONFLICT (topic_id, id) DO UPDATE SET position = excluded.position, title = excluded.title
            """,
            [topicID, courseID, position, title])
    }

    func saveLesson(_ lesson: TopicDocument.Lesson, topicID: String, courseID: String, position: Int) throws {
        try db.execute(
            """
            INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (id) DO UPDATE SET course_id = excluded.course_id, position = excluded.position, title = excluded.title,
                duration_ms = excluded.duration_ms, credit_hours = excluded.credit_hours, quiz_at_ms = excluded.quiz_at_ms, quiz = excluded.quiz
            """,
            [
                lesson.id, topicID, courseID, position, lesson.title, Int64(lesson.durationSeconds) * 1000, lesson.creditHours,
                Int64(lesson.quizAtSecond) * 1000, try CatalogJSON.encodeString(lesson.quiz),
            ])
    }

    func removeLesson(id: String) throws {
        try db.execute("DELETE FROM lesson WHERE id = $1", [id])
    }

    func removeCourses(topicID: String, keeping: [String]) throws {
        try db.execute("DELETE FROM course WHERE topic_id = $1 AND NOT (id = ANY($2))", [topicID, keeping])
    }
}
