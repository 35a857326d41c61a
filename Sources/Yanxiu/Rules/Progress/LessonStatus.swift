/// Where a lesson stands for a teacher, and why it has not counted yet (docs/rules.md#p15, FAQ 6:
/// "I played several videos, why are my hours still zero?").
public enum LessonStatus: Sendable, Hashable {
    case notStarted
    /// Played, but not yet up to the quiz point.
    case watching
    /// The quiz point was reached; the quiz is not passed yet.
    case quizPending
    /// The quiz is passed; this many seconds after the quiz point remain unwatched since passing.
    case missingAfterQuiz(seconds: Int64)
    case completed

    /// The status of a lesson from its stored progress (`nil`: never played).
    public init(progress: LessonProgress?, rules: LessonRules) {
        guard let progress else {
            self = .notStarted
            return
        }
        if progress.completedAt != nil {
            self = .completed
        } else if progress.quizPassedAt != nil {
            let missingMs = progress.missingAfterQuizMs(rules: rules)
            self = .missingAfterQuiz(seconds: max(1, (missingMs + 999) / 1000))
        } else if progress.quizReachedAt != nil {
            self = .quizPending
        } else if progress.startedAt != nil {
            self = .watching
        } else {
            self = .notStarted
        }
    }

    /// Stable English key (`status`).
    public var key: String {
        switch self {
        case .notStarted: "not_started"
        case .watching: "watching"
        case .quizPending: "quiz_pending"
        case .missingAfterQuiz: "missing_after_quiz"
        case .completed: "completed"
        }
    }

    /// Stable dotted reason the lesson has not earned its hour yet; nil once completed.
    public var reason: String? {
        switch self {
        case .notStarted: "lesson.not_started"
        case .watching: "quiz.not_reached"
        case .quizPending: "quiz.not_passed"
        case .missingAfterQuiz: "lesson.after_quiz_unwatched"
        case .completed: nil
        }
    }

    /// A short explanation for the teacher, in Chinese.
    public var explanation: String {
        switch self {
        case .notStarted:
            "尚未开始学习本课视频。"
        case .watching:
            "已开始观看，但还没有播放到视频中的测试题。请继续观看至测试题处并完成测试题，"
                + "再看完测试题后的剩余视频，才能获得本课学时。"
        case .quizPending:
            "已播放到测试题处，但测试题尚未完成。请完成测试题，并看完测试题后的剩余视频，才能获得本课学时。"
        case .missingAfterQuiz(let seconds):
            "测试题已完成，但测试题后的视频还有约\(Self.duration(seconds))未观看"
                + "（完成测试题之前观看、拖动跳过或快进的部分不计入），看完后即可获得本课学时。"
        case .completed:
            "已完成测试题并看完剩余视频，本课学时已计入已学习学时。"
        }
    }

    /// `95` → `1分35秒`, `40` → `40秒`.
    static func duration(_ seconds: Int64) -> String {
        let minutes = seconds / 60, rest = seconds % 60
        if minutes == 0 { return "\(rest)秒" }
        return rest == 0 ? "\(minutes)分钟" : "\(minutes)分\(rest)秒"
    }
}
