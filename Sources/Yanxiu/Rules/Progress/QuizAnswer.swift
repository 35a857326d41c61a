/// One submitted answer (`{"questionId": "q1", "choices": [1]}`).
public struct QuizAnswer: Sendable, Hashable {
    public var questionId: String
    public var choices: [Int]

    public init(questionId: String, choices: [Int]) {
        self.questionId = questionId
        self.choices = choices
    }
}
