import Testing
@testable import Yanxiu

@Suite("LessonStatus")
struct LessonStatusTests {
    let rules = makeLessonRules()

    @Test("each stage of a lesson has its status")
    func stages() {
        #expect(LessonStatus(progress: nil, rules: rules) == .notStarted)
        var progress = LessonProgress(rules: rules)
        #expect(LessonStatus(progress: progress, rules: rules) == .notStarted)
        progress.startedAt = 1
        #expect(LessonStatus(progress: progress, rules: rules) == .watching)
        progress.quizReachedAt = 2
        #expect(LessonStatus(progress: progress, rules: rules) == .quizPending)
        progress.recordQuizPassed(at: 3, rules: rules)
        #expect(LessonStatus(progress: progress, rules: rules) == .missingAfterQuiz(seconds: 600))
        progress.afterQuiz.insert(900_000..<1_499_000)
        #expect(LessonStatus(progress: progress, rules: rules) == .missingAfterQuiz(seconds: 1))
        progress.afterQuiz.insert(900_000..<1_499_001)
        #expect(LessonStatus(progress: progress, rules: rules) == .missingAfterQuiz(seconds: 1))
        progress.updateCompletion(at: 4, rules: rules)
        #expect(LessonStatus(progress: progress, rules: rules) == .completed)
    }

    @Test("missing seconds round up so a teacher never sees zero", arguments: [
        (missingMs: Int64(1), seconds: Int64(1)), (missingMs: 1_000, seconds: 1), (missingMs: 1_001, seconds: 2),
        (missingMs: 599_999, seconds: 600),
    ])
    func missingSeconds(missingMs: Int64, seconds: Int64) {
        var progress = LessonProgress(rules: rules)
        progress.quizReachedAt = 1
        progress.quizPassedAt = 1
        progress.afterQuiz.insert(900_000..<(1_500_000 - missingMs))
        #expect(LessonStatus(progress: progress, rules: rules) == .missingAfterQuiz(seconds: seconds))
    }

    @Test("stable keys, reasons and Chinese explanations", arguments: [
        (LessonStatus.notStarted, "not_started", Optional("lesson.not_started"), "尚未开始学习"),
        (.watching, "watching", "quiz.not_reached", "还没有播放到视频中的测试题"),
        (.quizPending, "quiz_pending", "quiz.not_passed", "测试题尚未完成"),
        (.missingAfterQuiz(seconds: 95), "missing_after_quiz", "lesson.after_quiz_unwatched", "还有约1分35秒未观看"),
        (.missingAfterQuiz(seconds: 40), "missing_after_quiz", "lesson.after_quiz_unwatched", "还有约40秒未观看"),
        (.missingAfterQuiz(seconds: 120), "missing_after_quiz", "lesson.after_quiz_unwatched", "还有约2分钟未观看"),
        (.completed, "completed", nil, "本课学时已计入"),
    ])
    func texts(status: LessonStatus, key: String, reason: String?, phrase: String) {
        #expect(status.key == key)
        #expect(status.reason == reason)
        #expect(status.explanation.contains(phrase))
    }

    @Test("the FAQ 6 case: videos played without the quiz explain why the hours are zero")
    func faqSix() {
        var learner = LearnerHarness()
        var seq: Int64 = 1
        learner.beat(seq: seq, at: 0)
        learner.play(seq: &seq, from: 0, to: 1_500_000)
        let status = learner.status()
        #expect(status == .quizPending)
        #expect(status.explanation.contains("完成测试题"))
        #expect(status.explanation.contains("看完测试题后的剩余视频"))
        #expect(learner.progress["L1"]!.studyMs == 1_500_000)
        #expect(!learner.completed())
    }
}
