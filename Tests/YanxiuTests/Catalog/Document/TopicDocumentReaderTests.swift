import JSONRPC
import Testing
@testable import Yanxiu

@Suite("Topic documents: validation with the path of every bad field")
struct TopicDocumentReaderTests {
    typealias Problem = FieldProblem

    /// The problems a document is refused with, or [] when it is accepted.
    static func problems(_ value: JSONValue) -> [Problem] {
        do {
            _ = try TopicDocumentReader.read(value)
            return []
        } catch {
            return error.fields
        }
    }

    @Test("the contrib 2023 winter topic is valid and as the programme describes it")
    func contribWinter() throws {
        let document = try TopicDocumentReader.read(try JSONParser.parse(try CatalogFixtures.contribWinterText))
        #expect(document.id == "mh-2023-winter")
        #expect(document.windowStartMs == CatalogFixtures.ms("2023-01-09T00:00:00+08:00"))
        #expect(document.windowEndMs == CatalogFixtures.ms("2023-03-01T00:00:00+08:00"))
        #expect(document.rules == TopicRules(minLessons: .init(mentalHealthTeacher: 15, homeroomTeacher: 10), maxRecognisedHours: 20, maxPlaybackRate: 1.0, endToleranceSeconds: 3))
        #expect(document.description.contains("sample data"))
        #expect(document.courses.count >= 3)
        #expect(document.lessons.count >= 24)
        for lesson in document.lessons {
            #expect((900...2700).contains(lesson.durationSeconds), "\(lesson.id) lasts 15 to 45 minutes")
            #expect((2...4).contains(lesson.quiz.questions.count), "\(lesson.id) has 2 to 4 questions")
            #expect(lesson.quizAtSecond > 0 && lesson.quizAtSecond < lesson.durationSeconds)
            #expect(lesson.creditHours == 1)
        }
    }

    @Test("the copy compiled into the daemon is the contrib file")
    func embeddedCopyMatches() throws {
        let file = try CatalogFixtures.contribWinterText
        #expect(SampleTopics.winter2023 + "\n" == file, "run script/embed-sample-topic after editing the contrib file")
    }

    @Test("without rules a document takes the programme's defaults")
    func defaults() throws {
        let fifteen = JSONValue.array((1...15).map { CatalogFixtures.lesson("d\($0)") })
        let value = CatalogFixtures.smallTopic().setting("rules", nil).setting("description", nil).setting("courses[0].lessons", fifteen)
        let document = try TopicDocumentReader.read(value)
        #expect(document.rules == TopicRules.default)
        #expect(document.rules.minLessons.mentalHealthTeacher == 15 && document.rules.minLessons.homeroomTeacher == 10)
        #expect(document.rules.maxRecognisedHours == 20 && document.rules.maxPlaybackRate == 1.0 && document.rules.endToleranceSeconds == 3)
        #expect(document.description == "")
        #expect(document.lessons.count == 16)
        #expect(document.lessons[0].quiz.questions[1].answer == [0, 2])
    }

    @Test("rules a document leaves out keep their defaults")
    func partialRules() throws {
        let document = try TopicDocumentReader.read(CatalogFixtures.smallTopic())
        #expect(document.rules.minLessons == .init(mentalHealthTeacher: 2, homeroomTeacher: 1))
        #expect(document.rules.maxRecognisedHours == 3)
        #expect(document.rules.maxPlaybackRate == 1.0 && document.rules.endToleranceSeconds == 3)
    }

    @Test("fewer lessons than a role's minimum is refused: nobody could qualify")
    func minimumAboveLessonCount() {
        #expect(Self.problems(CatalogFixtures.smallTopic().setting("rules", nil)) == [
            Problem(field: "rules.minLessons.mentalHealthTeacher", reason: "exceeds_lessons"),
            Problem(field: "rules.minLessons.homeroomTeacher", reason: "exceeds_lessons"),
        ])
    }

    /// One broken field each: where it is broken, with what, and the problem the importer must name.
    static let brokenFields: [(path: String, value: JSONValue?, field: String, reason: String)] = [
        ("id", nil, "id", "required"),
        ("id", "has space", "id", "format"),
        ("title", "   ", "title", "empty"),
        ("title", 7, "title", "type"),
        ("colour", "red", "colour", "unknown"),
        ("window.start", "2023-01-09 00:00", "window.start", "format"),
        ("window.end", "2023-12-31T00:00:00+08:00", "window.end", "not_after_start"),
        ("rules.maxPlaybackRate", 2.5, "rules.maxPlaybackRate", "out_of_range"),
        ("rules.minLessons.homeroomTeacher", 1.5, "rules.minLessons.homeroomTeacher", "not_integer"),
        ("rules.minLessons.mentalHealthTeacher", 4, "rules.minLessons.mentalHealthTeacher", "exceeds_lessons"),
        ("courses", [], "courses", "empty"),
        ("courses[1].id", "c1", "courses[1].id", "duplicate"),
        ("courses[1].lessons", nil, "courses[1].lessons", "required"),
        ("courses[1].lessons[0].id", "s1", "courses[1].lessons[0].id", "duplicate"),
        ("courses[0].lessons[1].durationSeconds", 0, "courses[0].lessons[1].durationSeconds", "out_of_range"),
        ("courses[0].lessons[1].durationSeconds", "1200", "courses[0].lessons[1].durationSeconds", "type"),
        ("courses[1].lessons[0].quiz", nil, "courses[1].lessons[0].quiz", "required"),
        ("courses[1].lessons[0].quiz.atSecond", 1200, "courses[1].lessons[0].quiz.atSecond", "not_before_end"),
        ("courses[1].lessons[0].quiz.atSecond", -5, "courses[1].lessons[0].quiz.atSecond", "out_of_range"),
        ("courses[0].lessons[0].quiz.passMark", 3, "courses[0].lessons[0].quiz.passMark", "exceeds_questions"),
        ("courses[0].lessons[0].quiz.questions", [], "courses[0].lessons[0].quiz.questions", "empty"),
        ("courses[0].lessons[0].quiz.questions[1].id", "q1", "courses[0].lessons[0].quiz.questions[1].id", "duplicate"),
        ("courses[0].lessons[0].quiz.questions[0].kind", "essay", "courses[0].lessons[0].quiz.questions[0].kind", "not_allowed"),
        ("courses[0].lessons[0].quiz.questions[0].options", ["只有一个"], "courses[0].lessons[0].quiz.questions[0].options", "too_few"),
        ("courses[0].lessons[0].quiz.questions[0].options[2]", "", "courses[0].lessons[0].quiz.questions[0].options[2]", "empty"),
        ("courses[0].lessons[0].quiz.questions[0].answer", [0, 1], "courses[0].lessons[0].quiz.questions[0].answer", "single_needs_one"),
        ("courses[0].lessons[0].quiz.questions[1].answer[1]", 4, "courses[0].lessons[0].quiz.questions[1].answer[1]", "out_of_range"),
        ("courses[0].lessons[0].quiz.questions[1].answer[1]", 0, "courses[0].lessons[0].quiz.questions[1].answer[1]", "duplicate"),
        ("courses[0].lessons[0].quiz.questions[1].answer", [], "courses[0].lessons[0].quiz.questions[1].answer", "empty"),
    ]

    @Test("each broken field is refused with its path and reason", arguments: brokenFields.indices)
    func brokenField(_ index: Int) {
        let case_ = Self.brokenFields[index]
        let value = CatalogFixtures.smallTopic().setting(case_.path, case_.value)
        #expect(Self.problems(value) == [Problem(field: case_.field, reason: case_.reason)])
    }

    @Test("every problem of a document is reported at once, in document order")
    func everyProblemReported() {
        let value = CatalogFixtures.smallTopic()
            .setting("title", nil)
            .setting("courses[0].lessons[1].quiz.atSecond", 5000)
            .setting("courses[1].lessons[0].durationSeconds", -1)
            .setting("courses[1].lessons[0].quiz.questions[0].answer[0]", 9)
        #expect(Self.problems(value) == [
            Problem(field: "title", reason: "required"),
            Problem(field: "courses[0].lessons[1].quiz.atSecond", reason: "not_before_end"),
            Problem(field: "courses[1].lessons[0].durationSeconds", reason: "out_of_range"),
            Problem(field: "courses[1].lessons[0].quiz.questions[0].answer[0]", reason: "out_of_range"),
        ])
    }

    @Test("a document that is not an object is refused")
    func notAnObject() {
        #expect(Self.problems(["not", "a", "topic"]) == [Problem(field: "", reason: "type")])
    }
}
