import Foundation
import JSONRPC
import Testing
@testable import Yanxiu

/// Orders both engines must give alike: text in byte order, positions as the document has them.
@Suite("Catalog order: topics, courses, lessons and locked lessons in the same order on every store")
struct CatalogOrderTests {
    static func topic(_ id: String, prefix: String, start: String, end: String) -> JSONValue {
        CatalogFixtures.smallTopic(id: id, lessonPrefix: prefix).setting("window", ["start": .string(start), "end": .string(end)])
    }

    @Test("topics list the newest window first, then ids in byte order (capitals before small letters)", arguments: TestStores.Engine.allCases)
    func topicOrder(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            for (id, prefix) in [("t-a", "a"), ("a", "b"), ("T-b", "c"), ("Z", "d")] {
                _ = try await CatalogFixtures.importTopic(store, Self.topic(id, prefix: prefix, start: "2024-01-01T00:00:00+08:00", end: "2024-02-01T00:00:00+08:00"))
            }
            _ = try await CatalogFixtures.importTopic(store, Self.topic("later", prefix: "e", start: "2024-03-01T00:00:00+08:00", end: "2024-04-01T00:00:00+08:00"))
            let topics = try await store.read { tx in try Catalog.topics(tx) }
            #expect(topics.map(\.id) == ["later", "T-b", "Z", "a", "t-a"])
            #expect(topics.allSatisfy { $0.courseCount == 2 && $0.lessonCount == 3 && $0.creditHours == 3 })
            let hasTopics = try await store.read { tx in try tx.catalog.hasTopics() }
            #expect(hasTopics)
        }
        try await CatalogFixtures.withStore(engine) { store in
            let hasTopics = try await store.read { tx in try tx.catalog.hasTopics() }
            #expect(!hasTopics)
        }
    }

    @Test("courses and their lessons keep the document's order, not their ids' order", arguments: TestStores.Engine.allCases)
    func documentOrder(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            let document = CatalogFixtures.smallTopic()
                .setting("courses[0].id", "z-first")
                .setting("courses[0].lessons", [CatalogFixtures.lesson("s9"), CatalogFixtures.lesson("S0"), CatalogFixtures.lesson("s1")])
            _ = try await CatalogFixtures.importTopic(store, document)
            let courses = try await store.read { tx in try Catalog.courses(tx, topicID: "t-small") }
            #expect(courses.map(\.id) == ["z-first", "c2"])
            #expect(courses.map { $0.lessons.map(\.id) } == [["s9", "S0", "s1"], ["s3"]])
            // A re-import that reorders moves the rows: positions are rewritten, nothing is duplicated.
            let reordered = CatalogFixtures.smallTopic()
                .setting("courses", [
                    ["id": "c2", "title": "课程二", "lessons": [CatalogFixtures.lesson("s3"), CatalogFixtures.lesson("s1")]],
                    ["id": "z-first", "title": "课程一", "lessons": [CatalogFixtures.lesson("S0"), CatalogFixtures.lesson("s9")]],
                ])
            _ = try await CatalogFixtures.importTopic(store, reordered, now: 2_000)
            let after = try await store.read { tx in try Catalog.courses(tx, topicID: "t-small") }
            #expect(after.map(\.id) == ["c2", "z-first"])
            #expect(after.map { $0.lessons.map(\.id) } == [["s3", "s1"], ["S0", "s9"]])
            let summary = try await store.read { tx in try Catalog.topic(tx, id: "t-small") }
            #expect(summary.courseCount == 2 && summary.lessonCount == 4 && summary.creditHours == 4)
        }
    }

    @Test("a refused import names every locked lesson once, in id order, whether progress or a quiz submission locks it",
          arguments: TestStores.Engine.allCases)
    func lockedInIDOrder(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            try await FixtureSQL.execute(store, "INSERT INTO account (id, phone, password_hash, created_at, updated_at) VALUES (1, '13800000001', 'x', 0, 0)")
            try await CatalogFixtures.recordProgress(store, accountID: 1, lessonID: "s3", topicID: "t-small")
            try await CatalogFixtures.recordProgress(store, accountID: 1, lessonID: "s1", topicID: "t-small")
            for lesson in ["s2", "s1"] {
                try await FixtureSQL.execute(
                    store, "INSERT INTO quiz_submission (account_id, lesson_id, at, correct, total, passed, answers) VALUES (1, ?, 0, 2, 2, TRUE, '{}')",
                    [lesson])
            }
            let changed = CatalogFixtures.smallTopic()
                .setting("courses[0].lessons[0].durationSeconds", 1500)
                .setting("courses[0].lessons[1].durationSeconds", 1500)
                .setting("courses[1].lessons", [CatalogFixtures.lesson("s4")])
            let refusal = await TopicImporterTests.refusal { _ = try await CatalogFixtures.importTopic(store, changed) }
            #expect(refusal?.reason == "lesson.locked")
            #expect(refusal?.data["lessonIds"] == ["s1", "s2", "s3"])
            #expect(refusal?.data["removed"] == ["s3"])
        }
    }
}
