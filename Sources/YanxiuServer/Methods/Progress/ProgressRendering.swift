import JSONRPC
import Yanxiu

/// The wire shapes of progress: heartbeat receipts, quiz results, summaries and journal entries.
enum ProgressRendering {
    static func receipt(_ receipt: HeartbeatReceipt) -> JSONValue {
        [
            "accepted": true, "verdict": .string(receipt.verdict.rawValue), "creditedMs": .int64(receipt.creditedMs),
            "studiedMs": .int64(receipt.studiedMs), "coverageBeforeQuizMs": .int64(receipt.coverageBeforeQuizMs),
            "coverageAfterQuizMs": .int64(receipt.coverageAfterQuizMs), "quizReached": .bool(receipt.quizReached),
            "quizPassed": .bool(receipt.quizPassed), "completed": .bool(receipt.completed),
        ]
    }

    static func quiz(_ result: QuizResult) -> JSONValue {
        var object: JSONObject = [
            "passed": .bool(result.grade.passed), "correct": .int(result.grade.correct), "total": .int(result.grade.total),
            "quizPassed": .bool(result.quizPassed),
        ]
        if let first = result.firstPassedAt { object["firstPassedAt"] = .string(Timestamp.format(first)) }
        return .object(object)
    }

    static func summary(_ summary: ProgressSummary) -> JSONValue {
        let assessment = summary.assessment
        var object: JSONObject = [
            "topicId": .string(summary.topicId),
            "studySeconds": .int64(summary.studySeconds),
            "completedLessons": .int(assessment.completedLessons),
            "learnedHours": .double(assessment.learnedHours),
            "recognisedHours": .double(assessment.recognisedHours),
            "qualifies": .bool(assessment.qualifies),
            "verifiedRoles": .array(summary.verifiedRoles.map { .string($0.rawValue) }.sorted { $0.stringValue! < $1.stringValue! }),
        ]
        if let role = assessment.qualifyingRole { object["qualifyingRole"] = .string(role.rawValue) }
        if let missing = assessment.missing {
            object["missing"] = ["reason": .string(missing.reason), "explanation": .string(missing.explanation)]
        }
        object["lessons"] = .array(summary.lessons.map { lesson in
            [
                "lessonId": .string(lesson.lessonId), "title": .string(lesson.title), "status": .string(lesson.status.key),
                "reason": .optional(lesson.status.reason), "explanation": .string(lesson.status.explanation),
                "studySeconds": .int64(lesson.studySeconds),
            ]
        })
        return .object(object)
    }

    static func journal(_ entry: HeartbeatJournal.Entry) -> JSONValue {
        [
            "at": .string(Timestamp.format(entry.at)), "playbackId": .string(entry.playbackId), "seq": .int64(entry.seq),
            "positionMs": .int64(entry.positionMs), "state": .string(entry.state), "rate": .double(entry.rate),
            "verdict": .string(entry.verdict), "creditedMs": .int64(entry.creditedMs),
        ]
    }
}
