import Foundation
import GRDB

/// `CatalogStore` on SQLite: what `topic.import` reads and writes.
extension SQLiteCatalogStore {
    func documentHash(topicID: String) throws -> Data? {
        try Row.fetchOne(db, sql: "SELECT document_hash FROM topic WHERE id = ?", arguments: [topicID]).map { $0["document_hash"] as Data }
    }

    func lessonsOfOtherTopics(_ lessonIDs: [String], topicID: String) throws -> [(lessonID: String, topicID: String)] {
        try Row.fetchAll(
            db, sql: "SELECT id, topic_id FROM lesson WHERE topic_id != ? AND id IN (\(databaseQuestionMarks(count: lessonIDs.count)))",
            arguments: StatementArguments([topicID] + lessonIDs)
        ).map { (lessonID: $0["id"] as String, topicID: $0["topic_id"] as String) }
    }

    func lessonGradings(topicID: String) throws -> [String: LessonGrading] {
        var result: [String: LessonGrading] = [:]
        let rows = try Row.fetchAll(db, sql: "SELECT id, duration_ms, credit_hours, quiz_at_ms, quiz FROM lesson WHERE topic_id = ?", arguments: [topicID])
        for row in rows {
            let quiz = try CatalogJSON.decode(LessonQuiz.self, from: row["quiz"])
            result[row["id"]] = LessonGrading(durationMs: row["duration_ms"], creditHours: row["credit_hours"], quizAtMs: row["quiz_at_ms"], quiz: quiz)
        }
        return result
    }

    func lessonsWithProgress(_ lessonIDs: [String]) throws -> [String] {
        guard !lessonIDs.isEmpty else { return [] }
        let marks = databaseQuestionMarks(count: lessonIDs.count)
        return try String.fetchAll(
            db,
            sql: """
                SELECT lesson_id FROM lesson_progress WHERE lesson_id IN (\(marks))
                UNION SELECT lesson_id FROM quiz_submission WHERE lesson_id IN (\(marks))
                ORDER BY 1
                """,
            arguments: StatementArguments(lessonIDs + lessonIDs))
    }

    func createTopic(_ document: TopicDocument, documentHash: Data, now: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO topic (id, title, description, audience, window_start, window_end, rules, document_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                document.id, document.title, document.description, document.audience, document.windowStartMs, document.windowEndMs,
                try CatalogJSON.encodeString(document.rules), documentHash, now, now,
            ])
    }

    func updateTopic(_ document: TopicDocument, documentHash: Data, now: Int64) throws {
        try db.execute(
            sql: """
                UPDATE topic SET title = ?, description = ?, audience = ?, window_start = ?, window_end = ?, rules = ?,
                    document_hash = ?, updated_at = ? WHERE id = ?
                """,
            arguments: [
                document.title, document.description, document.audience, document.windowStartMs, document.windowEndMs,
                try CatalogJSON.encodeString(document.rules), documentHash, now, document.id,
            ])
    }

    func saveCourse(topicID: String, courseID: String, position: Int, title: String) throws {
        try db.execute(
            sql: """
                INSERT INTO course (topic_id, id, position, title) VALUES (?, ?, ?, ?)
                ON CONFLICT (topic_id, id) DO UPDATE SET position = excluded.position, title = excluded.title
                """,
            arguments: [topicID, courseID, position, title])
    }

    func saveLesson(_ lesson: TopicDocument.Lesson, topicID: String, courseID: String, position: Int) throws {
        try db.execute(
            sql: """
                INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET course_id = excluded.course_id, position = excluded.position, title = excluded.title,
                    duration_ms = excluded.duration_ms, credit_hours = excluded.credit_hours, quiz_at_ms = excluded.quiz_at_ms, quiz = excluded.quiz
                """,
            arguments: [
                lesson.id, topicID, courseID, position, lesson.title, Int64(lesson.durationSeconds) * 1000, lesson.creditHours,
                Int64(lesson.quizAtSecond) * 1000, try CatalogJSON.encodeString(lesson.quiz),
            ])
    }

    func removeLesson(id: String) throws {
        try db.execute(sql: "DELETE FROM lesson WHERE id = ?", arguments: [id])
    }

    func removeCourses(topicID: String, keeping: [String]) throws {
        try db.execute(
            sql: "DELETE FROM course WHERE topic_id = ? AND id NOT IN (\(databaseQuestionMarks(count: keeping.count)))",
            arguments: StatementArguments([topicID] + keeping))
    }
}
