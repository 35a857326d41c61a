/// What one account has provably watched of one lesson; persisted per account and lesson.
///
/// Times are daemon milliseconds. `completedAt`, once set, is never cleared.
public struct LessonProgress: Sendable, Hashable, Codable {
    /// Coverage of `[0, quizAt)`, wherever and whenever it was watched.
    public var beforeQuiz: IntervalSet
    /// Coverage of `[quizAt, duration)` watched after the quiz was passed.
    public var afterQuiz: IntervalSet
    /// The watch-time budget carried to the next heartbeat; never above the jitter allowance.
    public var carryMs: Int64
    /// Plausible playback time: every span that fit the budget, re-watching included.
    public var studyMs: Int64
    /// First accepted heartbeat of this lesson.
    public var startedAt: Int64?
    /// Latest accepted (non-duplicate) heartbeat of this lesson.
    public var lastHeartbeatAt: Int64?
    /// Latest heartbeat that added coverage.
    public var lastCreditedAt: Int64?
    /// First accepted heartbeat whose position was at or past the quiz point.
    public var quizReachedAt: Int64?
    /// First passing quiz submission.
    public var quizPassedAt: Int64?
    /// When the rest of the video after the quiz was covered; permanent.
    public var completedAt: Int64?

    /// A lesson never played: the carry starts full, at the jitter allowance.
    public init(rules: LessonRules) {
        self.init(jitterAllowanceMs: rules.jitterAllowanceMs)
    }

    public init(jitterAllowanceMs: Int64) {
        beforeQuiz = IntervalSet()
        afterQuiz = IntervalSet()
        carryMs = jitterAllowanceMs
        studyMs = 0
    }

    public var quizReached: Bool { quizReachedAt != nil }
    public var quizPassed: Bool { quizPassedAt != nil }
    public var isCompleted: Bool { completedAt != nil }

    /// Whether `quiz.submit` may be accepted: only once playback reached the quiz point.
    public var canSubmitQuiz: Bool { quizReached }

    /// Records a passing submission, keeping the first passing time. Returns whether this
    /// was the first pass. Also completes a lesson whose quiz sits at its very end.
    @discardableResult
    public mutating func recordQuizPassed(at now: Int64, rules: LessonRules) -> Bool {
        guard quizPassedAt == nil else { return false }
        quizPassedAt = now
        updateCompletion(at: now, rules: rules)
        return true
    }

    /// Milliseconds of `[quizAt, duration)` not yet watched after passing.
    public func missingAfterQuizMs(rules: LessonRules) -> Int64 {
        afterQuiz.uncoveredLength(in: rules.afterQuizRange)
    }

    /// Sets `completedAt` if the quiz is passed and the rest is covered within tolerance.
    /// Returns whether the lesson became completed now. Call it again when the topic's
    /// tolerance changes.
    @discardableResult
    public mutating func updateCompletion(at now: Int64, rules: LessonRules) -> Bool {
        guard completedAt == nil, quizPassedAt != nil,
              missingAfterQuizMs(rules: rules) <= rules.endToleranceMs
        else { return false }
        completedAt = now
        return true
    }
}
