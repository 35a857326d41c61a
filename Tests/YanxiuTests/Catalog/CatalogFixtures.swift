import Foundation
import JSONRPC
@testable import Yanxiu

/// Scratch stores, documents and rows for the catalog and enrolment tests.
enum CatalogFixtures {
    /// The source tree's root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var contribWinterText: String {
        get throws { try String(contentsOf: packageRoot.appendingPathComponent("contrib/topics/mh-2023-winter.json"), encoding: .utf8) }
    }

    /// A fresh migrated store of `engine`; it goes when `body` returns.
    static func withStore<T>(_ engine: TestStores.Engine, _ body: (any Store) async throws -> T) async throws -> T {
        try await TestStores.withStore(engine) { store in try await body(store) }
    }

    static func ms(_ text: String) -> Int64 { Timestamp.parse(text)! }

    /// A small valid topic: two courses, three lessons, window of January 2024 (UTC+8).
    static func smallTopic(id: String = "t-small", lessonPrefix: String = "s") -> JSONValue {
        [
            "id": .string(id),
            "title": "小专题",
            "description": "测试用",
            "window": ["start": "2024-01-01T00:00:00+08:00", "end": "2024-02-01T00:00:00+08:00"],
            "rules": ["minLessons": ["mentalHealthTeacher": 2, "homeroomTeacher": 1], "maxRecognisedHours": 3],
            "courses": [
                ["id": "c1", "title": "课程一", "lessons": [lesson("\(lessonPrefix)1"), lesson("\(lessonPrefix)2")]],
                ["id": "c2", "title": "课程二", "lessons": [lesson("\(lessonPrefix)3")]],
            ],
        ]
    }

    static func lesson(_ id: String, duration: Int = 1200, atSecond: Int = 800) -> JSONValue {
        [
            "id": .string(id), "title": .string("课时 \(id)"), "durationSeconds": .int(duration), "creditHours": 1,
            "quiz": [
                "atSecond": .int(atSecond), "passMark": 1,
                "questions": [
                    ["id": "q1", "prompt": "单选题", "kind": "single", "options": ["甲", "乙", "丙"], "answer": [1]],
                    ["id": "q2", "prompt": "多选题", "kind": "multiple", "options": ["甲", "乙", "丙", "丁"], "answer": [0, 2]],
                ],
            ],
        ]
    }

    static func importTopic(_ store: any Store, _ value: JSONValue, now: Int64 = 1_000) async throws -> TopicImportResult {
        let document = try TopicDocumentReader.read(value)
        return try await store.write { tx in try TopicImporter.run(tx, document, now: now) }
    }

    /// Someone's progress on a lesson, as the progress code records it.
    static func recordProgress(_ store: any Store, accountID: Int64, lessonID: String, topicID: String) async throws {
        try await FixtureSQL.execute(
            store, "INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, study_ms, updated_at) VALUES (?, ?, ?, ?, 1000, 0)",
            [accountID, lessonID, topicID, Data()])
    }
}

extension JSONValue {
    /// A copy with the member at `path` (`courses[0].lessons[1].quiz.atSecond`) replaced, or removed when `value` is nil.
    func setting(_ path: String, _ value: JSONValue?) -> JSONValue {
        setting(Self.components(path)[...], value)
    }

    private enum Component { case key(String), index(Int) }

    private static func components(_ path: String) -> [Component] {
        var result: [Component] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                if bracket > rest.startIndex { result.append(.key(String(rest[..<bracket]))) }
                rest = rest[bracket...]
                while let open = rest.firstIndex(of: "["), let close = rest.firstIndex(of: "]") {
                    result.append(.index(Int(rest[rest.index(after: open)..<close])!))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                result.append(.key(String(rest)))
            }
        }
        return result
    }

    private func setting(_ path: ArraySlice<Component>, _ value: JSONValue?) -> JSONValue {
        guard let first = path.first else { return value ?? .null }
        switch (first, self) {
        case (.key(let key), .object(var object)):
            if path.count == 1, value == nil {
                object[key] = nil
            } else {
                object[key] = (object[key] ?? .object([:])).setting(path.dropFirst(), value)
            }
            return .object(object)
        case (.index(let index), .array(var array)):
            array[index] = array[index].setting(path.dropFirst(), value)
            return .array(array)
        default:
            preconditionFailure("path does not fit the document")
        }
    }
}
