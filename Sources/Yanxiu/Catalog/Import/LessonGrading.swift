/// What credit for a lesson depends on: its length, its hours and how its quiz is graded.
///
/// Once anyone has progress on a lesson these must not change, or hours already earned
/// would mean something else. Titles, prompts and option wording are not part of it:
/// fixing a typo is always allowed.
public struct LessonGrading: Sendable, Equatable {
    public struct Question: Sendable, Equatable {
        var id: String
        var kind: LessonQuizQuestion.Kind
        var optionCount: Int
        var answer: [Int]
    }

    var durationMs: Int64
    var creditHours: Int
    var quizAtMs: Int64
    var passMark: Int
    var questions: [Question]

    public init(durationMs: Int64, creditHours: Int, quizAtMs: Int64, quiz: LessonQuiz) {
        self.durationMs = durationMs
        self.creditHours = creditHours
        self.quizAtMs = quizAtMs
        passMark = quiz.passMark
        questions = quiz.questions.map { Question(id: $0.id, kind: $0.kind, optionCount: $0.options.count, answer: $0.answer.sorted()) }
    }

    init(_ lesson: TopicDocument.Lesson) {
        self.init(
            durationMs: Int64(lesson.durationSeconds) * 1000, creditHours: lesson.creditHours,
            quizAtMs: Int64(lesson.quizAtSecond) * 1000, quiz: lesson.quiz)
    }
}
