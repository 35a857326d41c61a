import Testing
@testable import Yanxiu

@Suite("QuizGrader")
struct QuizGraderTests {
    static let questions = [
        QuizQuestion(id: "q1", kind: .single, optionCount: 3, answer: [1]),
        QuizQuestion(id: "q2", kind: .multiple, optionCount: 4, answer: [0, 2]),
        QuizQuestion(id: "q3", kind: .single, optionCount: 2, answer: [0]),
    ]

    struct GradeCase: Sendable, CustomTestStringConvertible {
        var name: String
        var passMark: Int?
        var answers: [QuizAnswer]
        var correct: Int
        var passed: Bool
        var testDescription: String { name }
    }

    static let right = [QuizAnswer(questionId: "q1", choices: [1]), QuizAnswer(questionId: "q2", choices: [2, 0]),
                        QuizAnswer(questionId: "q3", choices: [0])]
    static let wrong = [QuizAnswer(questionId: "q1", choices: [0]), QuizAnswer(questionId: "q2", choices: [0]),
                        QuizAnswer(questionId: "q3", choices: [1])]

    static let gradeCases: [GradeCase] = [
        .init(name: "all right, default mark", answers: right, correct: 3, passed: true),
        .init(name: "all wrong, default mark: any complete submission passes", answers: wrong, correct: 0, passed: true),
        .init(name: "all wrong, mark 0", passMark: 0, answers: wrong, correct: 0, passed: true),
        .init(name: "all right, mark 3", passMark: 3, answers: right, correct: 3, passed: true),
        .init(name: "two right, mark 3", passMark: 3,
              answers: [right[0], right[1], wrong[2]], correct: 2, passed: false),
        .init(name: "two right, mark 2", passMark: 2,
              answers: [wrong[0], right[1], right[2]], correct: 2, passed: true),
        .init(name: "a subset of a multiple choice is wrong", passMark: 1,
              answers: [wrong[0], QuizAnswer(questionId: "q2", choices: [0]), wrong[2]], correct: 0, passed: false),
        .init(name: "a superset of a multiple choice is wrong", passMark: 1,
              answers: [wrong[0], QuizAnswer(questionId: "q2", choices: [0, 1, 2]), wrong[2]], correct: 0, passed: false),
        .init(name: "order of answers does not matter", passMark: 3,
              answers: [right[2], right[0], right[1]], correct: 3, passed: true),
        .init(name: "a mark above the question count means all correct", passMark: 9, answers: right, correct: 3, passed: true),
        .init(name: "a mark above the question count, one wrong", passMark: 9,
              answers: [right[0], right[1], wrong[2]], correct: 2, passed: false),
    ]

    @Test("grading", arguments: gradeCases)
    func grade(_ c: GradeCase) {
        let grader = QuizGrader(questions: Self.questions, passMark: c.passMark)
        #expect(grader.grade(c.answers) == .success(QuizGrade(correct: c.correct, total: 3, passed: c.passed)))
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var name: String
        var answers: [QuizAnswer]
        var fields: [InvalidProgressParams.Field]
        var testDescription: String { name }
    }

    static let invalidCases: [InvalidCase] = [
        .init(name: "nothing answered", answers: [], fields: [
            .init(field: "answers.q1", reason: "missing"), .init(field: "answers.q2", reason: "missing"),
            .init(field: "answers.q3", reason: "missing"),
        ]),
        .init(name: "one question missing", answers: [right[0], right[1]],
              fields: [.init(field: "answers.q3", reason: "missing")]),
        .init(name: "unknown question", answers: right + [QuizAnswer(questionId: "q9", choices: [0])],
              fields: [.init(field: "answers[3].questionId", reason: "unknown_question")]),
        .init(name: "question answered twice", answers: right + [right[0]],
              fields: [.init(field: "answers[3].questionId", reason: "duplicate_answer")]),
        .init(name: "choice out of range", answers: [QuizAnswer(questionId: "q1", choices: [3]), right[1], right[2]],
              fields: [.init(field: "answers[0].choices[0]", reason: "out_of_range")]),
        .init(name: "negative choice", answers: [right[0], QuizAnswer(questionId: "q2", choices: [0, -1]), right[2]],
              fields: [.init(field: "answers[1].choices[1]", reason: "out_of_range")]),
        .init(name: "single choice with two", answers: [QuizAnswer(questionId: "q1", choices: [0, 1]), right[1], right[2]],
              fields: [.init(field: "answers[0].choices", reason: "single_choice_requires_one")]),
        .init(name: "single choice with none", answers: [QuizAnswer(questionId: "q1", choices: []), right[1], right[2]],
              fields: [.init(field: "answers[0].choices", reason: "single_choice_requires_one")]),
        .init(name: "multiple choice with none", answers: [right[0], QuizAnswer(questionId: "q2", choices: []), right[2]],
              fields: [.init(field: "answers[1].choices", reason: "empty")]),
        .init(name: "duplicate choices", answers: [right[0], QuizAnswer(questionId: "q2", choices: [0, 2, 0]), right[2]],
              fields: [.init(field: "answers[1].choices[2]", reason: "duplicate_choice")]),
        .init(name: "every problem at once", answers: [
            QuizAnswer(questionId: "q1", choices: [7, 7]), QuizAnswer(questionId: "zz", choices: [0]),
        ], fields: [
            .init(field: "answers[0].choices[0]", reason: "out_of_range"),
            .init(field: "answers[0].choices[1]", reason: "out_of_range"),
            .init(field: "answers[0].choices", reason: "single_choice_requires_one"),
            .init(field: "answers[1].questionId", reason: "unknown_question"),
            .init(field: "answers.q2", reason: "missing"),
            .init(field: "answers.q3", reason: "missing"),
        ]),
    ]

    @Test("incomplete or malformed submissions list every bad field", arguments: invalidCases)
    func invalid(_ c: InvalidCase) {
        let grader = QuizGrader(questions: Self.questions, passMark: 3)
        #expect(grader.grade(c.answers) == .failure(InvalidProgressParams(fields: c.fields)))
    }

    @Test("a quiz without questions passes an empty submission")
    func noQuestions() {
        #expect(QuizGrader(questions: []).grade([]) == .success(QuizGrade(correct: 0, total: 0, passed: true)))
    }

    @Test("submission is allowed only once the quiz point is reached; the first pass is kept")
    func submissionGate() {
        var learner = LearnerHarness()
        learner.beat(seq: 1, at: 0)
        var progress = learner.progress["L1"]!
        #expect(!progress.canSubmitQuiz)
        learner.advance(10_000)
        learner.beat(seq: 2, at: 900_000)
        progress = learner.progress["L1"]!
        #expect(progress.canSubmitQuiz)
        let firstPass = progress.recordQuizPassed(at: learner.now, rules: learner.rules["L1"]!)
        let secondPass = progress.recordQuizPassed(at: learner.now + 99, rules: learner.rules["L1"]!)
        #expect(firstPass && !secondPass)
        #expect(progress.quizPassedAt == learner.now)
    }
}
