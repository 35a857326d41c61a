import Crypto
import Foundation
import GRDB
import JSONRPC

/// Writes a validated topic document into the catalog in one transaction.
///
/// Re-importing the document last imported changes nothing (its canonical hash is kept),
/// so an operator's `topic.update` survives a repeated import of the same file. A changed
/// document updates titles, window and rules, adds lessons and drops lessons nobody has
/// touched; it is refused whole (409 `lesson.locked`) when it would change how a lesson
/// with progress is credited, or remove such a lesson.
public enum TopicImporter {
    /// SHA-256 of the document's canonical encoding.
    public static func hash(_ document: TopicDocument) throws -> Data {
        Data(SHA256.hash(data: try CatalogJSON.encode(document)))
    }

    /// Imports `document`; `progress(done, total)` is called as lessons are written.
    public static func run(
        _ db: Database, _ document: TopicDocument, now: Int64, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> TopicImportResult {
        let digest = try hash(document)
        let lessons = document.lessons
        let stored = try Row.fetchOne(db, sql: "SELECT document_hash FROM topic WHERE id = ?", arguments: [document.id])
        if let stored, (stored["document_hash"] as Data) == digest {
            progress(lessons.count, lessons.count)
            return TopicImportResult(
                topicID: document.id, created: false, changed: false, courseCount: document.courses.count, lessonCount: lessons.count)
        }
        try refuseForeignLessonIDs(db, document)
        let existing = try storedGrading(db, topicID: document.id)
        let incoming = Dictionary(uniqueKeysWithValues: lessons.map { ($0.id, LessonGrading($0)) })
        let changed = existing.filter { id, grading in incoming[id].map { $0 != grading } ?? false }.map(\.key)
        let removed = existing.keys.filter { incoming[$0] == nil }
        try refuseLocked(db, changed: changed, removed: removed)

        try writeTopic(db, document, digest: digest, now: now, exists: stored != nil)
        var done = 0
        for (coursePosition, course) in document.courses.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO course (topic_id, id, position, title) VALUES (?, ?, ?, ?)
                    ON CONFLICT (topic_id, id) DO UPDATE SET position = excluded.position, title = excluded.title
                    """,
                arguments: [document.id, course.id, coursePosition, course.title])
            for (position, lesson) in course.lessons.enumerated() {
                try writeLesson(db, lesson, topicID: document.id, courseID: course.id, position: position)
                done += 1
                progress(done, lessons.count)
            }
        }
        for id in removed {
            try db.execute(sql: "DELETE FROM lesson WHERE id = ?", arguments: [id])
        }
        let courseIDs = document.courses.map(\.id)
        try db.execute(
            sql: "DELETE FROM course WHERE topic_id = ? AND id NOT IN (\(databaseQuestionMarks(count: courseIDs.count)))",
            arguments: StatementArguments([document.id] + courseIDs))
        return TopicImportResult(
            topicID: document.id, created: stored == nil, changed: true,
            lessonsAdded: lessons.count { existing[$0.id] == nil }, lessonsRegraded: changed.count, lessonsRemoved: removed.count,
            courseCount: document.courses.count, lessonCount: lessons.count)
    }

    /// Lesson ids are global (`lesson.get` takes the id alone), so another topic's id cannot be reused.
    static func refuseForeignLessonIDs(_ db: Database, _ document: TopicDocument) throws {
        let ids = document.lessons.map(\.id)
        let taken = try Row.fetchAll(
            db, sql: "SELECT id, topic_id FROM lesson WHERE topic_id != ? AND id IN (\(databaseQuestionMarks(count: ids.count)))",
            arguments: StatementArguments([document.id] + ids))
        guard let first = taken.first else { return }
        throw DomainError.conflict(
            "lesson.id_taken", "Lesson ids must be unique across topics; \(first["id"] as String) belongs to topic \(first["topic_id"] as String)",
            data: ["lessonIds": .array(taken.map { .string($0["id"]) })])
    }

    static func storedGrading(_ db: Database, topicID: String) throws -> [String: LessonGrading] {
        var result: [String: LessonGrading] = [:]
        let rows = try Row.fetchAll(db, sql: "SELECT id, duration_ms, credit_hours, quiz_at_ms, quiz FROM lesson WHERE topic_id = ?", arguments: [topicID])
        for row in rows {
            let quiz = try CatalogJSON.decode(LessonQuiz.self, from: row["quiz"])
            result[row["id"]] = LessonGrading(durationMs: row["duration_ms"], creditHours: row["credit_hours"], quizAtMs: row["quiz_at_ms"], quiz: quiz)
        }
        return result
    }

    static func refuseLocked(_ db: Database, changed: [String], removed: [String]) throws {
        let candidates = (changed + removed).sorted()
        guard !candidates.isEmpty else { return }
        let marks = databaseQuestionMarks(count: candidates.count)
        let locked = try String.fetchAll(
            db,
            sql: """
                SELECT lesson_id FROM lesson_progress WHERE lesson_id IN (\(marks))
                UNION SELECT lesson_id FROM quiz_submission WHERE lesson_id IN (\(marks))
                ORDER BY 1
                """,
            arguments: StatementArguments(candidates + candidates))
        guard !locked.isEmpty else { return }
        let removedSet = Set(removed)
        throw DomainError.conflict(
            "lesson.locked",
            "Teachers have progress on \(locked.joined(separator: ", ")): their duration, credit hours and quiz cannot change and they cannot be removed",
            data: [
                "lessonIds": .array(locked.map(JSONValue.string)),
                "removed": .array(locked.filter(removedSet.contains).map(JSONValue.string)),
            ])
    }

    static func writeTopic(_ db: Database, _ document: TopicDocument, digest: Data, now: Int64, exists: Bool) throws {
        let rules = try CatalogJSON.encodeString(document.rules)
        if exists {
            try db.execute(
                sql: """
                    UPDATE topic SET title = ?, description = ?, audience = ?, window_start = ?, window_end = ?, rules = ?,
                        document_hash = ?, updated_at = ? WHERE id = ?
                    """,
                arguments: [document.title, document.description, document.audience, document.windowStartMs, document.windowEndMs, rules, digest, now, document.id])
        } else {
            try db.execute(
                sql: """
                    INSERT INTO topic (id, title, description, audience, window_start, window_end, rules, document_hash, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [document.id, document.title, document.description, document.audience, document.windowStartMs, document.windowEndMs, rules, digest, now, now])
        }
    }

    static func writeLesson(_ db: Database, _ lesson: TopicDocument.Lesson, topicID: String, courseID: String, position: Int) throws {
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
}
