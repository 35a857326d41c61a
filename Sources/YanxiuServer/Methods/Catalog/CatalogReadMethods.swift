import JSONRPC
import Yanxiu

/// `topic.list`, `topic.get`, `course.list`, `lesson.get` and `codes.list`: open to every caller.
struct CatalogReadMethods {
    let app: AppContext

    func descriptors() -> [MethodDescriptor] {
        let app = self.app
        return [
            MethodDescriptor(
                "topic.list", "Every topic with its window (China Standard Time), status and rules.", access: .anyone,
                result: "{topics: [{topicId, title, window, status, rules, courseCount, lessonCount, …}]}"
            ) { _ in
                let topics = try await app.store.read { tx in try Catalog.topics(tx) }
                let now = app.clock.nowMs
                return ["topics": .array(topics.map { .object(CatalogRendering.topic($0, now: now)) })]
            },
            MethodDescriptor(
                "topic.get", "One topic with its courses (ids, titles, lesson counts).", access: .anyone,
                params: [.string("topicId", "the topic")], result: "{topicId, title, …, courses: [{courseId, title, lessonCount}]}",
                errors: ["topic.unknown"]
            ) { call in
                let topicID = try call.params.require("topicId")
                let (topic, courses) = try await app.store.read { tx in
                    (try Catalog.topic(tx, id: topicID), try Catalog.courses(tx, topicID: topicID))
                }
                var object = CatalogRendering.topic(topic, now: app.clock.nowMs)
                object["courses"] = .array(courses.map { course in
                    ["courseId": .string(course.id), "title": .string(course.title), "lessonCount": .int(course.lessons.count)]
                })
                return .object(object)
            },
            MethodDescriptor(
                "course.list", "The courses of a topic with their lessons (durations and quiz points, no questions).", access: .anyone,
                params: [.string("topicId", "the topic")], result: "{topicId, courses: [{courseId, title, lessons: [...]}]}",
                errors: ["topic.unknown"]
            ) { call in
                let topicID = try call.params.require("topicId")
                let courses = try await app.store.read { tx in try Catalog.courses(tx, topicID: topicID) }
                return ["topicId": .string(topicID), "courses": .array(courses.map(CatalogRendering.course))]
            },
            MethodDescriptor(
                "lesson.get", "A lesson: title, duration, quiz point and the quiz's questions and options, without answers.", access: .anyone,
                params: [.string("lessonId", "the lesson")], result: "{lessonId, topicId, courseId, title, durationSeconds, creditHours, quiz}",
                errors: ["lesson.unknown"]
            ) { call in
                let lessonID = try call.params.require("lessonId")
                return CatalogRendering.lesson(try await app.store.read { tx in try Catalog.lesson(tx, id: lessonID) })
            },
            MethodDescriptor(
                "codes.list", "The code lists of the forms: {field: [{code, label}]}; forms carry the code.", access: .anyone,
                result: "{identity, teacherType, idType, title, stage, subject, gender, ethnicity, politicalStatus, education, itAbility, honours}"
            ) { _ in
                CatalogRendering.codeLists(EnrollmentCodeLists.all)
            },
        ]
    }
}
