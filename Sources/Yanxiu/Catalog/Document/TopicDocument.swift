/// A topic as one validated document: what `topic.import` takes and `contrib/topics/` holds.
///
/// Only `TopicDocumentReader` makes these, so every value here has passed its checks.
/// Codable so that its sorted-key encoding is the canonical form the import hashes.
public struct TopicDocument: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var description: String
    public var audience: String
    /// Inclusive start of the training window, ms since the epoch.
    public var windowStartMs: Int64
    /// Exclusive end of the training window.
    public var windowEndMs: Int64
    public var rules: TopicRules
    public var courses: [Course]

    /// A course of the topic: an ordered group of lessons.
    public struct Course: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var lessons: [Lesson]
    }

    /// One video with its quiz.
    public struct Lesson: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var durationSeconds: Int
        public var creditHours: Int
        /// Where in the video the quiz appears.
        public var quizAtSecond: Int
        public var quiz: LessonQuiz
    }

    /// Every lesson of every course, in document order.
    public var lessons: [Lesson] { courses.flatMap(\.lessons) }
}

/// A lesson's quiz as stored in `lesson.quiz`: the pass mark and the questions with their answers.
public struct LessonQuiz: Sendable, Hashable, Codable {
    /// Correct answers needed to pass; 0 means any complete submission passes.
    public var passMark: Int
    public var questions: [LessonQuizQuestion]

    public init(passMark: Int, questions: [LessonQuizQuestion]) {
        self.passMark = passMark
        self.questions = questions
    }
}

/// One quiz question; `answer` holds option indexes from 0 and is never sent to players.
public struct LessonQuizQuestion: Sendable, Hashable, Codable {
    /// Single choice takes exactly one option, multiple choice one or more (the grader's kinds).
    public typealias Kind = QuizQuestion.Kind

    public var id: String
    public var prompt: String
    public var kind: Kind
    public var options: [String]
    public var answer: [Int]

    public init(id: String, prompt: String, kind: Kind, options: [String], answer: [Int]) {
        self.id = id
        self.prompt = prompt
        self.kind = kind
        self.options = options
        self.answer = answer
    }
}
