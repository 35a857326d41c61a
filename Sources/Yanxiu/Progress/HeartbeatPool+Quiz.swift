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
        try await withCheckedThrowingContinuation { continuation in
            submitQuiz(accountID: accountID, lessonId: lessonId, answers: answers, judgement: 1) { continuation.resume(with: $0) }
        }
    }

    /// Queues the `judgement`th grading of the submission on the account's lane.
    private func submitQuiz(accountID: Int64, lessonId: String, answers: [QuizAnswer], judgement: Int, deliver: @escaping Completion<QuizResult>) {
        let lane = lane(for: accountID)
        let accepted = lane.enqueue {
            do {
                try self.grade(answers, accountID: accountID, lessonId: lessonId, lane: lane, judgement: judgement, deliver: deliver)
            } catch {
                deliver(.failure(error))
            }
        }
        if !accepted { deliver(.failure(DomainError.busy(retryAfterMs: 100))) }
    }

    private func grade(_ answers: [QuizAnswer], accountID: Int64, lessonId: String, lane: ProgressLane, judgement: Int,
                       deliver: @escaping Completion<QuizResult>) throws {
        let now = clock.nowMs
        let again: @Sendable () -> Void = {
            self.submitQuiz(accountID: accountID, lessonId: lessonId, answers: answers, judgement: judgement + 1, deliver: deliver)
        }
        let prepared = try prepare(lane, accountID: accountID, lessonId: lessonId, now: now)
        let (context, fresh) = (prepared.context, prepared.fresh)
        var (account, progress) = (prepared.account, prepared.progress)
        guard progress.quizReached else {
            if recheckRefusal(lane, accountID: accountID, fresh: fresh, judgement: judgement) { return again() }
            throw DomainError.precondition("quiz.not_reached", "Watch the lesson up to its quiz first")
        }
        let grade: QuizGrade
        switch context.grader.grade(answers) {
        case .success(let value): grade = value
        case .failure(let invalid):
            throw DomainError.invalid(invalid.fields.map { FieldProblem(field: $0.field, reason: $0.reason) })
        }
        if grade.passed { _ = progress.recordQuizPassed(at: now, rules: context.rules) }
        let answersJSON = JSONWriter.string(.array(answers.map { ["questionId": .string($0.questionId), "choices": .array($0.choices.map { .int($0) })] }))
        let write = ProgressWrite(
            accountID: accountID, lessonId: lessonId, topicId: context.topicId, now: now,
            progressState: StateCodec.encode(progress), progress: progress,
            trackerState: nil, journal: nil, basis: account.stamp, stamp: lane.nextStamp())
        account.lessons[lessonId] = progress
        account.stamp = write.stamp
        lane.accounts[accountID] = account
        let result = QuizResult(grade: grade, quizPassed: progress.quizPassed, firstPassedAt: progress.quizPassedAt)
        let submission = QuizSubmissionRecord(
            accountID: accountID, lessonId: lessonId, at: now, correct: grade.correct, total: grade.total, passed: grade.passed,
            answers: answersJSON)
        commit(write, also: submission, lane: lane, generation: account.generation, value: result,
               again: judgement < Self.judgements ? again : nil, deliver: deliver)
    }
}
