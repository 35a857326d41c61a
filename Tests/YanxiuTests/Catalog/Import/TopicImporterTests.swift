import JSONRPC
import Testing
@testable import Yanxiu

@Suite("Topic import: idempotent, additive, and locked where teachers have progress")
struct TopicImporterTests {
    /// Everything the catalog holds, as text, to compare before and after.
    static func snapshot(_ store: any Store) async throws -> [String?] {
        let hash = store is PostgresStore ? "encode(document_hash, 'hex')" : "hex(document_hash)"
        return try await FixtureSQL.texts(store, """
            SELECT 'topic|' || id || '|' || title || '|' || window_start || '|' || window_end || '|' || rules || '|' || \(hash) || '|' || updated_at FROM topic
            UNION ALL SELECT 'course|' || topic_id || '|' || id || '|' || position || '|' || title FROM course
            UNION ALL SELECT 'lesson|' || id || '|' || course_id || '|' || position || '|' || title || '|' || duration_ms || '|' || quiz_at_ms || '|' || quiz FROM lesson
            ORDER BY 1
            """)
    }

    /// The refusal `body` throws (kind nil when it is no `DomainError`), or nil when it succeeds.
    static func refusal(_ body: () async throws -> Void) async -> (kind: DomainError.Kind?, reason: String, data: JSONObject, fields: [FieldProblem])? {
        do {
            try await body()
            return nil
        } catch let error as DomainError {
            return (error.kind, error.reason, error.data, error.fields)
        } catch {
            return (nil, "\(error)", [:], [])
        }
    }

    @Test("the contrib topic imports whole and reads back through the catalog", arguments: TestStores.Engine.allCases)
    func importContrib(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            let value = try JSONParser.parse(try CatalogFixtures.contribWinterText)
            let result = try await CatalogFixtures.importTopic(store, value)
            #expect(result.created && result.changed)
            #expect(result.lessonCount == 25 && result.courseCount == 6 && result.lessonsAdded == 25)
            let (topic, courses, context) = try await store.read { tx in
                (try Catalog.topic(tx, id: "mh-2023-winter"), try Catalog.courses(tx, topicID: "mh-2023-winter"),
                 try Catalog.lessonContext(tx, lessonID: "c01-l02"))
            }
            #expect(topic.lessonCount == 25 && topic.creditHours == 25)
            #expect(topic.windowStartMs == CatalogFixtures.ms("2023-01-08T16:00:00Z"))
            #expect(courses.map(\.id) == ["c01", "c02", "c03", "c04", "c05", "c06"])
            #expect(courses[0].lessons.map(\.id) == ["c01-l01", "c01-l02", "c01-l03", "c01-l04"])
            #expect(context.durationMs == 1_500_000 && context.quizAtMs == 990_000)
            #expect(context.quiz.questions.count == 2 && context.quiz.questions[0].answer == [1])
            #expect(context.rules.minLessons.mentalHealthTeacher == 15 && context.windowEndMs == CatalogFixtures.ms("2023-03-01T00:00:00+08:00"))
        }
    }

    @Test("importing the same document twice changes nothing", arguments: TestStores.Engine.allCases)
    func idempotent(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic(), now: 1_000)
            let before = try await Self.snapshot(store)
            let again = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic(), now: 99_000)
            #expect(!again.changed && !again.created && again.lessonCount == 3)
            #expect(try await Self.snapshot(store) == before)
        }
    }

    @Test("a changed document updates titles, adds and drops untouched lessons", arguments: TestStores.Engine.allCases)
    func additiveChange(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            let changed = CatalogFixtures.smallTopic()
                .setting("title", "新标题")
                .setting("courses[0].title", "课程一（修订）")
                .setting("courses[0].lessons[1]", CatalogFixtures.lesson("s4", duration: 1800, atSecond: 1000))
            let result = try await CatalogFixtures.importTopic(store, changed, now: 2_000)
            #expect(result.changed && !result.created)
            #expect(result.lessonsAdded == 1 && result.lessonsRemoved == 1 && result.lessonCount == 3)
            let (topic, courses) = try await store.read { tx in (try Catalog.topic(tx, id: "t-small"), try Catalog.courses(tx, topicID: "t-small")) }
            #expect(topic.title == "新标题" && topic.updatedAt == 2_000)
            #expect(courses[0].title == "课程一（修订）")
            #expect(courses[0].lessons.map(\.id) == ["s1", "s4"])
            #expect(courses[0].lessons[1].durationMs == 1_800_000)
        }
    }

    @Test("a lesson nobody has studied may be regraded", arguments: TestStores.Engine.allCases)
    func regradeWithoutProgress(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            let result = try await CatalogFixtures.importTopic(
                store, CatalogFixtures.smallTopic().setting("courses[0].lessons[0].durationSeconds", 1500))
            #expect(result.lessonsRegraded == 1)
            let duration = try await store.read { tx in try Catalog.lessonContext(tx, lessonID: "s1").durationMs }
            #expect(duration == 1_500_000)
        }
    }

    /// Changes that alter how a lesson is credited.
    static let regrades: [(path: String, value: JSONValue?)] = [
        ("courses[0].lessons[0].durationSeconds", 1500),
        ("courses[0].lessons[0].creditHours", 2),
        ("courses[0].lessons[0].quiz.atSecond", 600),
        ("courses[0].lessons[0].quiz.passMark", 2),
        ("courses[0].lessons[0].quiz.questions[0].answer", [2]),
        ("courses[0].lessons[0].quiz.questions[1]", ["id": "q2", "prompt": "多选题", "kind": "single", "options": ["甲", "乙", "丙", "丁"], "answer": [0]]),
        ("courses[0].lessons[0].quiz.questions[0].options", ["甲", "乙", "丙", "丁"]),
        ("courses[0].lessons", [CatalogFixtures.lesson("s2")]),
    ]

    @Test("once anyone has progress, a lesson's duration or quiz cannot change and it cannot be removed (409)", arguments: TestStores.Engine.allCases, regrades.indices)
    func lockedByProgress(_ engine: TestStores.Engine, _ index: Int) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            try await FixtureSQL.execute(store, "INSERT INTO account (id, phone, password_hash, created_at, updated_at) VALUES (1, '13800000001', 'x', 0, 0)")
            try await CatalogFixtures.recordProgress(store, accountID: 1, lessonID: "s1", topicID: "t-small")
            let before = try await Self.snapshot(store)
            let (path, value) = Self.regrades[index]
            // The title change rides along: a refused document changes nothing at all.
            let changed = CatalogFixtures.smallTopic().setting("title", "不应生效").setting(path, value)
            let refusal = await Self.refusal { _ = try await CatalogFixtures.importTopic(store, changed) }
            #expect(refusal?.kind == .conflict)
            #expect(refusal?.reason == "lesson.locked")
            #expect(refusal?.data["lessonIds"] == ["s1"])
            #expect(try await Self.snapshot(store) == before)
        }
    }

    @Test("wording of titles, prompts and options may change on a lesson with progress", arguments: TestStores.Engine.allCases)
    func wordingStaysEditable(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            try await FixtureSQL.execute(store, "INSERT INTO account (id, phone, password_hash, created_at, updated_at) VALUES (1, '13800000001', 'x', 0, 0)")
            try await CatalogFixtures.recordProgress(store, accountID: 1, lessonID: "s1", topicID: "t-small")
            let reworded = CatalogFixtures.smallTopic()
                .setting("courses[0].lessons[0].title", "改过的标题")
                .setting("courses[0].lessons[0].quiz.questions[0].prompt", "改过的题干")
                .setting("courses[0].lessons[0].quiz.questions[0].options[0]", "改过的选项")
            let result = try await CatalogFixtures.importTopic(store, reworded)
            #expect(result.changed && result.lessonsRegraded == 0)
            let lesson = try await store.read { tx in try Catalog.lesson(tx, id: "s1") }
            #expect(lesson.summary.title == "改过的标题")
            #expect(lesson.questions[0].prompt == "改过的题干" && lesson.questions[0].options[0] == "改过的选项")
        }
    }

    @Test("a lesson id of another topic cannot be reused (409)", arguments: TestStores.Engine.allCases)
    func lessonIDTaken(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            let other = CatalogFixtures.smallTopic(id: "t-other", lessonPrefix: "o").setting("courses[1].lessons[0].id", "s2")
            let refusal = await Self.refusal { _ = try await CatalogFixtures.importTopic(store, other) }
            #expect(refusal?.kind == .conflict && refusal?.reason == "lesson.id_taken")
            #expect(refusal?.data["lessonIds"] == ["s2"])
            let topics = try await store.read { tx in try Catalog.topics(tx).map(\.id) }
            #expect(topics == ["t-small"])
        }
    }

    @Test("lesson views for players carry questions and options but no answers", arguments: TestStores.Engine.allCases)
    func lessonViewHasNoAnswers(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            let view = try await store.read { tx in try Catalog.lesson(tx, id: "s2") }
            #expect(view.questions.map(\.id) == ["q1", "q2"])
            #expect(view.questions[1].options == ["甲", "乙", "丙", "丁"])
            #expect(!String(describing: view).contains("answer"))
            let missing = await Self.refusal { _ = try await store.read { tx in try Catalog.lesson(tx, id: "nope") } }
            #expect(missing?.kind == .notFound && missing?.reason == "lesson.unknown")
        }
    }
}
