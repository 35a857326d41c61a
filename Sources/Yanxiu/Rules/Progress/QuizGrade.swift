/// The result of a complete submission; says how many were right, never which.
public struct QuizGrade: Sendable, Hashable {
    public var correct: Int
    public var total: Int
    public var passed: Bool

    public init(correct: Int, total: Int, passed: Bool) {
        self.correct = correct
        self.total = total
        self.passed = passed
    }
}
