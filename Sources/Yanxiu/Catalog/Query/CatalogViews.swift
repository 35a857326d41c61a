/// A topic as everyone may see it, without its lessons.
public struct TopicSummary: Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String
    public var audience: String
    public var windowStartMs: Int64
    public var windowEndMs: Int64
    public var rules: TopicRules
    public var courseCount: Int
    public var lessonCount: Int
    public var creditHours: Int
    public var updatedAt: Int64
}

/// A course with the public face of its lessons.
public struct CourseView: Sendable, Equatable {
    public var id: String
    public var title: String
    public var lessons: [LessonSummary]
}

/// A lesson as listed in a course: no questions.
public struct LessonSummary: Sendable, Equatable {
    public var id: String
    public var courseID: String
    public var title: String
    public var durationMs: Int64
    public var creditHours: Int
    public var quizAtMs: Int64
    public var questionCount: Int
}

/// A lesson as a player shows it: the quiz's questions and options, never the answers.
public struct LessonView: Sendable, Equatable {
    /// A question without its answer; the only question shape that leaves the catalog for players.
    public struct Question: Sendable, Equatable {
        public var id: String
        public var prompt: String
        public var kind: LessonQuizQuestion.Kind
        public var options: [String]
    }

    public var summary: LessonSummary
    public var topicID: String
    public var passMark: Int
    public var questions: [Question]
}

/// Everything the progress code needs about one lesson: its video, its quiz (with answers,
/// for grading), its topic's window and credit rules.
public struct CatalogLessonContext: Sendable, Equatable {
    public var lessonID: String
    public var topicID: String
    public var courseID: String
    public var title: String
    public var durationMs: Int64
    public var creditHours: Int
    public var quizAtMs: Int64
    public var quiz: LessonQuiz
    /// Inclusive start of the topic's window, ms since the epoch.
    public var windowStartMs: Int64
    /// Exclusive end of the topic's window.
    public var windowEndMs: Int64
    public var rules: TopicRules
}
