/// A quiz question as the grader needs it: never sent to a teacher with its answer.
public struct QuizQuestion: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Exactly one choice.
        case single
        /// One or more choices; correct only when the set matches exactly.
        case multiple
    }

    public var id: String
    public var kind: Kind
    public var optionCount: Int
    /// Indexes of the correct options, from 0.
    public var answer: Set<Int>

    public init(id: String, kind: Kind, optionCount: Int, answer: Set<Int>) {
        self.id = id
        self.kind = kind
        self.optionCount = optionCount
        self.answer = answer
    }
}
