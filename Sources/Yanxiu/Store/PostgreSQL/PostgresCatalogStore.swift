import Foundation
import JSONValues

/// `CatalogStore` on PostgreSQL.
struct PostgresCatalogStore: CatalogStore {
    let db: PostgresDatabase

    func topics() throws -> [TopicSummary] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func topic(id: String) throws -> TopicSummary? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func hasTopics() throws -> Bool {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func courses(topicID: String) throws -> [CourseView] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func lessonContext(lessonID: String) throws -> CatalogLessonContext? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func documentHash(topicID: String) throws -> Data? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func lessonsOfOtherTopics(_ lessonIDs: [String], topicID: String) throws -> [(lessonID: String, topicID: String)] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func lessonGradings(topicID: String) throws -> [String: LessonGrading] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func lessonsWithProgress(_ lessonIDs: [String]) throws -> [String] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func createTopic(_ document: TopicDocument, documentHash: Data, now: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func updateTopic(_ document: TopicDocument, documentHash: Data, now: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func saveCourse(topicID: String, courseID: String, position: Int, title: String) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func saveLesson(_ lesson: TopicDocument.Lesson, topicID: String, courseID: String, position: Int) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func removeLesson(id: String) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func removeCourses(topicID: String, keeping: [String]) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func updateWindowAndRules(topicID: String, windowStartMs: Int64, windowEndMs: Int64, rules: TopicRules, now: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }
}
