import Foundation
import JSONValues

/// The outcome of a quiz submission as the caller sees it.
public struct QuizResult: Sendable {
    public let grade: QuizGrade
    /// Whether the quiz has been passed, by this or an earlier submission.
    public let quizPassed: Bool
    public let firstPassedAt: Int64?
}

extension HeartbeatPool {
    /// Grades a submission on the account's lane (it changes the lesson's progress) and commits it.
    public func submitQuiz(accountID: Int64, lessonId: String, answers: [QuizAnswer]) async throws -> QuizResult {
        try await onLane(accountID) { lane, deliver in
            do {
                let now = self.clock.nowMs
                var (context, account, progress) = try self.prepare(lane, accountID: accountID, lessonId: lessonId, now: now)
                guard progress.quizReached else {
                    throw DomainError.precondition("quiz.not_reached", "Watch the lesson up to its quiz first")
                }
                let grade: QuizGrade
                switch context.grader.grade(answers) {
                case .success(let value): grade = value
                case .failure(let invalid):
                    throw DomainError.invalid(invalid.fields.map { FieldProblem(field: $0.field, reason: $0.reason) })
                }
                if grade.passed { _ = progress.recordQuizPassed(at: now, rules: context.rules) }
                account.lessons[lessonId] = progress
                lane.accounts[accountID] = account
                let answersJSON = JSONWriter.string(.array(answers.map { ["questionId": .string($0.questionId), "choices": .array($0.choices.map { .int($0) })] }))
                let write = ProgressWrite(
                    accountID: accountID, lessonId: lessonId, topicId: context.topicId, now: now,
                    progressState: StateCodec.encode(progress), progress: progress,
                    trackerState: nil, journal: nil)
                let result = QuizResult(grade: grade, quizPassed: progress.quizPassed, firstPassedAt: progress.quizPassedAt)
                let submission = QuizSubmissionRecord(
                    accountID: accountID, lessonId: lessonId, at: now, correct: grade.correct, total: grade.total, passed: grade.passed,
                    answers: answersJSON)
                self.commit(write, also: submission, lane: lane, value: result, deliver: deliver)
            } catch {
                deliver(.failure(error))
            }
        }
    }
}
