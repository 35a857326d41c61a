import JSONRPC
import Testing
@testable import Yanxiu

@Suite("Topic update and first-start loading")
struct TopicUpdateTests {
    @Test("topic.update moves the window end and merges rules, leaving the rest", arguments: TestStores.Engine.allCases)
    func updateWindowAndRules(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            let topic = try await store.write { tx in
                try TopicUpdate.run(
                    tx, topicID: "t-small", window: ["end": "2024-03-01T00:00:00+08:00"], rules: ["maxPlaybackRate": 1.5], now: 5_000)
            }
            #expect(topic.windowStartMs == CatalogFixtures.ms("2024-01-01T00:00:00+08:00"))
            #expect(topic.windowEndMs == CatalogFixtures.ms("2024-03-01T00:00:00+08:00"))
            #expect(topic.rules.maxPlaybackRate == 1.5)
            #expect(topic.rules.maxRecognisedHours == 3 && topic.rules.minLessons.mentalHealthTeacher == 2)
            // The heartbeat side reads the same rules.
            let context = try await store.read { tx in try Catalog.lessonContext(tx, lessonID: "s1") }
            #expect(context.rules.maxPlaybackRate == 1.5 && context.windowEndMs == topic.windowEndMs)
        }
    }

    @Test("a re-import of the same file keeps an operator's update", arguments: TestStores.Engine.allCases)
    func reimportKeepsUpdate(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            _ = try await store.write { tx in
                try TopicUpdate.run(tx, topicID: "t-small", window: ["end": "2024-03-01T00:00:00+08:00"], rules: nil, now: 5_000)
            }
            let again = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            #expect(!again.changed)
            let end = try await store.read { tx in try Catalog.topic(tx, id: "t-small").windowEndMs }
            #expect(end == CatalogFixtures.ms("2024-03-01T00:00:00+08:00"))
        }
    }

    @Test("bad updates are refused with their fields, unknown topics with 404", arguments: TestStores.Engine.allCases)
    func refusals(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            let cases: [(JSONObject?, JSONObject?, [String])] = [
                (["end": "2023-12-01T00:00:00+08:00"], nil, ["window.end"]),
                (["start": "soon"], ["maxPlaybackRate": 3, "colour": "red"], ["window.start", "rules.colour", "rules.maxPlaybackRate"]),
                (nil, ["minLessons": ["homeroomTeacher": 9]], ["rules.minLessons.homeroomTeacher"]),
                (nil, nil, ["window"]),
            ]
            for (window, rules, fields) in cases {
                let refusal = await TopicImporterTests.refusal {
                    _ = try await store.write { tx in try TopicUpdate.run(tx, topicID: "t-small", window: window, rules: rules, now: 1) }
                }
                #expect(refusal?.kind == .invalidParams)
                #expect(refusal?.fields.map(\.field) == fields)
            }
            let unknown = await TopicImporterTests.refusal {
                _ = try await store.write { tx in try TopicUpdate.run(tx, topicID: "nope", window: nil, rules: ["maxRecognisedHours": 10], now: 1) }
            }
            #expect(unknown?.kind == .notFound && unknown?.reason == "topic.unknown")
        }
    }

    @Test("first start imports the embedded topic once, and never over an operator's catalog", arguments: TestStores.Engine.allCases)
    func firstStart(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            let first = try await store.write { tx in try CatalogFirstStart.run(tx, documentText: SampleTopics.winter2023, now: 1) }
            #expect(first?.topicID == "mh-2023-winter" && first?.lessonCount == 25)
            let second = try await store.write { tx in try CatalogFirstStart.run(tx, documentText: SampleTopics.winter2023, now: 2) }
            #expect(second == nil)
        }
        try await CatalogFixtures.withStore(engine) { store in
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
            let result = try await store.write { tx in try CatalogFirstStart.run(tx, documentText: SampleTopics.winter2023, now: 1) }
            #expect(result == nil)
            #expect(try await store.read { tx in try Catalog.topics(tx).map(\.id) } == ["t-small"])
        }
    }
}
