import Crypto
import Foundation
import JSONValues

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
        _ tx: any StoreTransaction, _ document: TopicDocument, now: Int64, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> TopicImportResult {
        let catalog = tx.catalog
        let digest = try hash(document)
        let lessons = document.lessons
        let stored = try catalog.documentHash(topicID: document.id)
        if let stored, stored == digest {
            progress(lessons.count, lessons.count)
            return TopicImportResult(
                topicID: document.id, created: false, changed: false, courseCount: document.courses.count, lessonCount: lessons.count)
        }
        try refuseForeignLessonIDs(catalog, document)
        let existing = try catalog.lessonGradings(topicID: document.id)
        let incoming = Dictionary(uniqueKeysWithValues: lessons.map { ($0.id, LessonGrading($0)) })
        let changed = existing.filter { id, grading in incoming[id].map { $0 != grading } ?? false }.map(\.key)
        let removed = existing.keys.filter { incoming[$0] == nil }
        try refuseLocked(catalog, changed: changed, removed: removed)

        if stored != nil {
            try catalog.updateTopic(document, documentHash: digest, now: now)
        } else {
            try catalog.createTopic(document, documentHash: digest, now: now)
        }
        var done = 0
        for (coursePosition, course) in document.courses.enumerated() {
            try catalog.saveCourse(topicID: document.id, courseID: course.id, position: coursePosition, title: course.title)
            for (position, lesson) in course.lessons.enumerated() {
                try catalog.saveLesson(lesson, topicID: document.id, courseID: course.id, position: position)
                done += 1
                progress(done, lessons.count)
            }
        }
        for id in removed {
            try catalog.removeLesson(id: id)
        }
        try catalog.removeCourses(topicID: document.id, keeping: document.courses.map(\.id))
        return TopicImportResult(
            topicID: document.id, created: stored == nil, changed: true,
            lessonsAdded: lessons.count { existing[$0.id] == nil }, lessonsRegraded: changed.count, lessonsRemoved: removed.count,
            courseCount: document.courses.count, lessonCount: lessons.count)
    }

    /// Lesson ids are global (`lesson.get` takes the id alone), so another topic's id cannot be reused.
    static func refuseForeignLessonIDs(_ catalog: any CatalogStore, _ document: TopicDocument) throws {
        let taken = try catalog.lessonsOfOtherTopics(document.lessons.map(\.id), topicID: document.id)
        guard let first = taken.first else { return }
        throw DomainError.conflict(
            "lesson.id_taken", "Lesson ids must be unique across topics; \(first.lessonID) belongs to topic \(first.topicID)",
            data: ["lessonIds": .array(taken.map { .string($0.lessonID) })])
    }

    static func refuseLocked(_ catalog: any CatalogStore, changed: [String], removed: [String]) throws {
        let candidates = (changed + removed).sorted()
        guard !candidates.isEmpty else { return }
        let locked = try catalog.lessonsWithProgress(candidates)
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
}
