import JSONRPC
import Yanxiu

/// The wire shapes of the catalog: instants in China Standard Time, ids under `…Id` names,
/// durations in seconds as in the topic document, and never a quiz answer.
enum CatalogRendering {
    static func topic(_ topic: TopicSummary, now: Int64) -> JSONObject {
        let status = now < topic.windowStartMs ? "upcoming" : (now < topic.windowEndMs ? "open" : "closed")
        return [
            "topicId": .string(topic.id),
            "title": .string(topic.title),
            "description": .string(topic.description),
            "audience": .string(topic.audience),
            "window": ["start": .string(Timestamp.formatCST(topic.windowStartMs)), "end": .string(Timestamp.formatCST(topic.windowEndMs))],
            "status": .string(status),
            "rules": rules(topic.rules),
            "courseCount": .int(topic.courseCount),
            "lessonCount": .int(topic.lessonCount),
            "creditHours": .int(topic.creditHours),
            "updatedAt": .string(Timestamp.format(topic.updatedAt)),
        ]
    }

    static func rules(_ rules: TopicRules) -> JSONValue {
        [
            "minLessons": [
                "mentalHealthTeacher": .int(rules.minLessons.mentalHealthTeacher), "homeroomTeacher": .int(rules.minLessons.homeroomTeacher),
            ],
            "maxRecognisedHours": .int(rules.maxRecognisedHours),
            "maxPlaybackRate": .double(rules.maxPlaybackRate),
            "endToleranceSeconds": .double(rules.endToleranceSeconds),
        ]
    }

    static func course(_ course: CourseView) -> JSONValue {
        [
            "courseId": .string(course.id),
            "title": .string(course.title),
            "lessonCount": .int(course.lessons.count),
            "lessons": .array(course.lessons.map { .object(lesson($0)) }),
        ]
    }

    static func lesson(_ lesson: LessonSummary) -> JSONObject {
        [
            "lessonId": .string(lesson.id),
            "courseId": .string(lesson.courseID),
            "title": .string(lesson.title),
            "durationSeconds": .double(Double(lesson.durationMs) / 1000),
            "creditHours": .int(lesson.creditHours),
            "quizAtSecond": .double(Double(lesson.quizAtMs) / 1000),
            "questionCount": .int(lesson.questionCount),
        ]
    }

    /// A lesson for the player: `LessonView` has no answers to leak.
    static func lesson(_ view: LessonView) -> JSONValue {
        var object = lesson(view.summary)
        object["topicId"] = .string(view.topicID)
        object["quiz"] = [
            "atSecond": .double(Double(view.summary.quizAtMs) / 1000),
            "passMark": .int(view.passMark),
            "questions": .array(view.questions.map { question in
                [
                    "id": .string(question.id), "prompt": .string(question.prompt), "kind": .string(question.kind.rawValue),
                    "options": .array(question.options.map(JSONValue.string)),
                ]
            }),
        ]
        return .object(object)
    }

    static func importResult(_ result: TopicImportResult) -> JSONValue {
        [
            "topicId": .string(result.topicID),
            "created": .bool(result.created),
            "changed": .bool(result.changed),
            "lessonsAdded": .int(result.lessonsAdded),
            "lessonsRegraded": .int(result.lessonsRegraded),
            "lessonsRemoved": .int(result.lessonsRemoved),
            "courseCount": .int(result.courseCount),
            "lessonCount": .int(result.lessonCount),
        ]
    }

    static func codeLists(_ lists: [CodeList]) -> JSONValue {
        .object(JSONObject(lists.map { list in
            JSONObject.Member(
                key: list.field,
                value: .array(list.entries.map { ["code": .string($0.code), "label": .string($0.label)] }))
        }))
    }
}
