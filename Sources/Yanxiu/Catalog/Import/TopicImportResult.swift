/// What `topic.import` did to the catalog.
public struct TopicImportResult: Sendable, Equatable {
    public var topicID: String
    /// The topic did not exist before.
    public var created: Bool
    /// Anything was written; false for a re-import of the document last imported.
    public var changed: Bool
    public var lessonsAdded: Int
    /// Existing lessons whose duration, hours or quiz grading changed (allowed only while nobody has progress on them).
    public var lessonsRegraded: Int
    public var lessonsRemoved: Int
    public var courseCount: Int
    public var lessonCount: Int

    public init(topicID: String, created: Bool, changed: Bool, lessonsAdded: Int = 0, lessonsRegraded: Int = 0, lessonsRemoved: Int = 0, courseCount: Int, lessonCount: Int) {
        self.topicID = topicID
        self.created = created
        self.changed = changed
        self.lessonsAdded = lessonsAdded
        self.lessonsRegraded = lessonsRegraded
        self.lessonsRemoved = lessonsRemoved
        self.courseCount = courseCount
        self.lessonCount = lessonCount
    }
}
