import Foundation
import JSONRPC
import Testing

/// The lesson the crash test's players watch, set up through the API as any topic is: the
/// operator imports it and teachers enrol with the full form.
enum CrashTopic {
    static let id = "crash-1"
    static let lessonId = "l1"

    /// Open from 2000 to 2100, so the daemon's test clock (which starts at the machine's time
    /// after every restart) is always inside it; one lesson of an hour with a quiz at 50 minutes.
    static let document: JSONValue = [
        "id": .string(id),
        "title": "崩溃一致性测试专题",
        "description": "test data",
        "audience": "测试",
        "window": ["start": "2000-01-01T00:00:00+08:00", "end": "2100-01-01T00:00:00+08:00"],
        "rules": [
            "minLessons": ["mentalHealthTeacher": 1, "homeroomTeacher": 1],
            "maxRecognisedHours": 20, "maxPlaybackRate": 1.0, "endToleranceSeconds": 3,
        ],
        "courses": [[
            "id": "c1", "title": "课程",
            "lessons": [[
                "id": .string(lessonId), "title": "一小时的课", "durationSeconds": 3600, "creditHours": 1,
                "quiz": [
                    "atSecond": 3000, "passMark": 0,
                    "questions": [["id": "q1", "prompt": "？", "kind": "single", "options": ["甲", "乙"], "answer": [1]]],
                ],
            ]],
        ]],
    ]

    /// Valid resident card numbers of men (odd 17th digit), as the form's gender says.
    static let idNumbers = ["110101199003071233", "110101198805124531", "110101197512301237",
                            "110101200001010133", "110101199512120232", "110101198001010133"]

    /// Imports the topic and enrols `count` (at most 6) new teachers of `school` in it.
    static func importAndEnroll(_ daemon: LiveDaemon, school: Int64, count: Int) throws -> [TestAccount] {
        try daemon.call("topic.import", ["topic": document])
        return try (0..<count).map { index in
            let name = ["王一", "李二", "张三", "刘四", "陈五", "杨六"][index]
            let teacher = try daemon.teacher("1370000\(String(format: "%04d", index))", name: name, schoolID: school, idNumber: idNumbers[index])
            try daemon.call("enrollment.create", [
                "session": .string(teacher.session), "topicId": .string(id),
                "form": EnrollmentEndToEndTests.form(schoolID: school, name: name, idNumber: idNumbers[index]),
            ])
            return teacher
        }
    }
}
