import Foundation

/// The operations on the catalogue: topics, courses, lessons and their quizzes.
///
/// Reads answer nil (or an empty list) when nothing matches; the services above turn that into
/// their 404s. Writes never refuse on their own: the import checks ids and locks first.
public protocol CatalogStore {
    /// Every topic with its counts, newest window first (then by id).
    func topics() throws -> [TopicSummary]

    /// One topic with its counts, or nil.
    func topic(id: String) throws -> TopicSummary?

    /// Whether the catalogue holds any topic at all.
    func hasTopics() throws -> Bool

    /// The courses of a topic in document order, each with its lessons in order; empty for an unknown topic.
    func courses(topicID: String) throws -> [CourseView]

    /// A lesson with its quiz answers, its topic's window and rules, or nil.
    func lessonContext(lessonID: String) throws -> CatalogLessonContext?

    /// The hash of the document last imported for a topic, or nil when the topic does not exist.
    func documentHash(topicID: String) throws -> Data?

    /// Which of `lessonIDs` belong to a topic other than `topicID`, as (lesson, its topic), in no particular order.
    func lessonsOfOtherTopics(_ lessonIDs: [String], topicID: String) throws -> [(lessonID: String, topicID: String)]

    /// What credit depends on, for every stored lesson of a topic, by lesson id.
    func lessonGradings(topicID: String) throws -> [String: LessonGrading]

    /// Which of `lessonIDs` anyone has progress or a quiz submission on, in id order.
    func lessonsWithProgress(_ lessonIDs: [String]) throws -> [String]

    /// Adds a topic's header (title, window, rules) from its document, with the document's hash.
    func createTopic(_ document: TopicDocument, documentHash: Data, now: Int64) throws

    /// Replaces an existing topic's header (title, window, rules) and document hash.
    func updateTopic(_ document: TopicDocument, documentHash: Data, now: Int64) throws

    /// Adds a course to a topic, or moves and renames the one with that id.
    func saveCourse(topicID: String, courseID: String, position: Int, title: String) throws

    /// Adds a lesson, or replaces everything stored about the one with that id (its topic stays).
    func saveLesson(_ lesson: TopicDocument.Lesson, topicID: String, courseID: String, position: Int) throws

    /// Removes a lesson.
    func removeLesson(id: String) throws

    /// Removes the courses of a topic whose ids are not in `keeping`.
    func removeCourses(topicID: String, keeping: [String]) throws

    /// Sets a topic's window and rules (`topic.update`).
    func updateWindowAndRules(topicID: String, windowStartMs: Int64, windowEndMs: Int64, rules: TopicRules, now: Int64) throws
}
