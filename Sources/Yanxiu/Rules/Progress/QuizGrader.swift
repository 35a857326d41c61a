/// Grades a quiz submission against a lesson's questions and pass mark.
public struct QuizGrader: Sendable, Hashable {
    public let questions: [QuizQuestion]
    /// Correct answers required. 0 means any complete submission passes; a mark above
    /// the number of questions is treated as "all correct" so the lesson stays passable.
    public let passMark: Int

    public init(questions: [QuizQuestion], passMark: Int? = nil) {
        self.questions = questions
        self.passMark = min(max(passMark ?? 0, 0), questions.count)
    }

    /// Grades `answers`, or lists every bad field: an answer for each question is required
    /// (`answers.<questionId>`: `missing`), and each answer must name a known question once,
    /// with in-range, distinct choices (one for a single-choice question, at least one otherwise).
    public func grade(_ answers: [QuizAnswer]) -> Result<QuizGrade, InvalidProgressParams> {
        var fields: [InvalidProgressParams.Field] = []
        var byQuestion: [String: Int] = [:]
        for (index, question) in questions.enumerated() { byQuestion[question.id] = index }
        var answered = [Bool](repeating: false, count: questions.count)
        var correct = 0

        for (a, answer) in answers.enumerated() {
            let path = "answers[\(a)]"
            guard let q = byQuestion[answer.questionId] else {
                fields.append(.init(field: "\(path).questionId", reason: "unknown_question"))
                continue
            }
            if answered[q] {
                fields.append(.init(field: "\(path).questionId", reason: "duplicate_answer"))
                continue
            }
            answered[q] = true
            let question = questions[q]
            var chosen = Set<Int>()
            var valid = true
            for (c, choice) in answer.choices.enumerated() {
                if choice < 0 || choice >= question.optionCount {
                    fields.append(.init(field: "\(path).choices[\(c)]", reason: "out_of_range"))
                    valid = false
                } else if !chosen.insert(choice).inserted {
                    fields.append(.init(field: "\(path).choices[\(c)]", reason: "duplicate_choice"))
                    valid = false
                }
            }
            switch question.kind {
            case .single where answer.choices.count != 1:
                fields.append(.init(field: "\(path).choices", reason: "single_choice_requires_one"))
                valid = false
            case .multiple where answer.choices.isEmpty:
                fields.append(.init(field: "\(path).choices", reason: "empty"))
                valid = false
            default:
                break
            }
            if valid && chosen == question.answer { correct += 1 }
        }
        for (q, question) in questions.enumerated() where !answered[q] {
            fields.append(.init(field: "answers.\(question.id)", reason: "missing"))
        }
        guard fields.isEmpty else { return .failure(InvalidProgressParams(fields: fields)) }
        return .success(QuizGrade(correct: correct, total: questions.count, passed: correct >= passMark))
    }
}
