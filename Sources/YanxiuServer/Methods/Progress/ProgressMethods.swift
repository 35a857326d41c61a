import JSONRPC
import Yanxiu

/// `progress.heartbeat`, `quiz.submit`, `progress.summary` and the operators' views of progress.
struct ProgressMethods {
    let app: AppContext
    let pool: HeartbeatPool

    func descriptors() -> [MethodDescriptor] {
        [heartbeat(), quizSubmit(), summary(), inspect(), heartbeats()]
    }

    private func heartbeat() -> MethodDescriptor {
        let app = self.app
        let pool = self.pool
        return MethodDescriptor(
            "progress.heartbeat", "Reports the player's position; the daemon decides what was watched.", access: .user,
            params: [
                .string("session"), .string("lessonId", maxLength: 128),
                .string("playbackId", "client-chosen id of one play of one video", maxLength: 128),
                .integer("seq", "increasing within a playback", minimum: 0),
                .integer("positionMs", "position in the video, milliseconds"),
                .string("state", "playing, paused or ended", maxLength: 16),
                .number("rate", "playback rate the player uses"),
            ],
            result: "{accepted, verdict, creditedMs, studiedMs, coverageBeforeQuizMs, coverageAfterQuizMs, quizReached, quizPassed, completed}",
            errors: ["session.unknown", "session.expired", "lesson.unknown", "enrollment.required", "enrollment.teacher_required", "topic.window_closed",
                     "playback.concurrent", "playback.superseded", "server.busy", "store.unavailable"]
        ) { call, done in
            let p = call.params
            guard let token = p.string("session"), let lessonId = p.string("lessonId"), let playbackId = p.string("playbackId"),
                  let seq = p.int64("seq"), let position = p.int64("positionMs"), let state = p.string("state")
            else { return done(.failure(RPCError.invalidParams(field: "params", reason: "required"))) }
            let beat = Heartbeat(playbackId: playbackId, seq: seq, positionMs: position, state: state, rate: p.double("rate") ?? 1)
            let counters = app.instruments.heartbeats
            // The session check every method makes; the account's lane is chosen after it.
            app.account(session: token) { proven in
                switch proven {
                case .success(let account):
                    pool.submit(accountID: account.accountID, lessonId: lessonId, beat) { result in
                        counters.record(result)
                        done(result.map(ProgressRendering.receipt))
                    }
                case .failure(let error):
                    counters.record(.failure(error))
                    done(.failure(error))
                }
            }
        }
    }

    private func quizSubmit() -> MethodDescriptor {
        let app = self.app
        let pool = self.pool
        return MethodDescriptor(
            "quiz.submit", "Submits answers to the quiz inside a lesson (after the video reached it).", access: .user,
            params: [.string("session"), .string("lessonId", maxLength: 128), .array("answers", "[{questionId, choices: [option index]}]")],
            result: "{passed, correct, total, quizPassed}",
            errors: ["session.unknown", "session.expired", "lesson.unknown", "enrollment.required", "enrollment.teacher_required", "topic.window_closed",
                     "quiz.not_reached"]
        ) { call in
            let account = try await app.account(call)
            let answers = try QuizAnswersParser.parse(call.params.array("answers") ?? [])
            let result = try await pool.submitQuiz(accountID: account.accountID, lessonId: try call.params.require("lessonId"), answers: answers)
            return ProgressRendering.quiz(result)
        }
    }

    private func summary() -> MethodDescriptor {
        let app = self.app
        let settings = pool.settings
        return MethodDescriptor(
            "progress.summary", "Study time, learned and recognised hours, qualification and each lesson's status.", access: .user,
            params: [.string("session"), .string("topicId", maxLength: 128)],
            result: "{studySeconds, learnedHours, recognisedHours, qualifies, missing?, lessons: [{lessonId, status, reason, explanation}]}",
            errors: ["session.unknown", "session.expired", "enrollment.required"]
        ) { call in
            let account = try await app.account(call)
            let topicId = try call.params.require("topicId")
            let summary = try await app.store.read { tx in
                try ProgressSummary.load(tx, accountID: account.accountID, topicId: topicId, settings: settings)
            }
            return ProgressRendering.summary(summary)
        }
    }

    private func inspect() -> MethodDescriptor {
        let app = self.app
        let settings = pool.settings
        return MethodDescriptor(
            "progress.inspect", "An operator's view of a teacher's summary in a topic.", access: .operator,
            params: [.integer("userId", minimum: 1), .string("topicId", maxLength: 128)],
            result: "the same as progress.summary", errors: ["enrollment.required"]
        ) { call in
            let userId = try call.params.requireInt64("userId")
            let topicId = try call.params.require("topicId")
            let summary = try await app.store.read { tx in
                try ProgressSummary.load(tx, accountID: userId, topicId: topicId, settings: settings)
            }
            return ProgressRendering.summary(summary)
        }
    }

    private func heartbeats() -> MethodDescriptor {
        let app = self.app
        return MethodDescriptor(
            "progress.heartbeats", "The recorded heartbeats of a teacher in a lesson with the verdict of each, for disputes.", access: .operator,
            params: [.integer("userId", minimum: 1), .string("lessonId", maxLength: 128), .integer("limit", required: false, minimum: 1)],
            result: "{heartbeats: [{at, playbackId, seq, positionMs, state, rate, verdict, creditedMs}]}"
        ) { call in
            let userId = try call.params.requireInt64("userId")
            let lessonId = try call.params.require("lessonId")
            let limit = min(call.params.int64("limit") ?? 1000, 100_000)
            let entries = try await app.store.read { tx in try tx.progress.journal(accountID: userId, lessonId: lessonId, limit: Int(limit)) }
            return ["heartbeats": .array(entries.map(ProgressRendering.journal))]
        }
    }
}

/// Reads `answers` of `quiz.submit`, naming every malformed entry.
enum QuizAnswersParser {
    static func parse(_ values: [JSONValue]) throws -> [QuizAnswer] {
        var answers: [QuizAnswer] = []
        var problems: [RPCError.FieldProblem] = []
        for (index, value) in values.enumerated() {
            guard let questionId = value["questionId"]?.stringValue else {
                problems.append(.init(field: "answers[\(index)].questionId", reason: "required"))
                continue
            }
            guard let choices = value["choices"]?.arrayValue else {
                problems.append(.init(field: "answers[\(index)].choices", reason: "required"))
                continue
            }
            var indexes: [Int] = []
            for (c, choice) in choices.enumerated() {
                if let n = choice.int64Value, let i = Int(exactly: n) { indexes.append(i) } else {
                    problems.append(.init(field: "answers[\(index)].choices[\(c)]", reason: "type"))
                }
            }
            answers.append(QuizAnswer(questionId: questionId, choices: indexes))
        }
        if !problems.isEmpty { throw RPCError.invalidParams(problems) }
        return answers
    }
}
