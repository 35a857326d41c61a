import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("The catalog, end to end against the real daemon")
struct CatalogEndToEndTests {
    static var contribFile: String { Paths.file("contrib/topics/mh-2023-winter.json").path }

    static func rpcError(_ body: () throws -> Void) -> RPCError? {
        do {
            try body()
            return nil
        } catch let error as RPCError {
            return error
        } catch {
            return RPCError(code: 0, message: "\(error)", reason: "not an RPC error")
        }
    }

    @Test("a fresh daemon serves the 2023 winter topic, its courses and lessons, and never an answer")
    func firstStartCatalog() throws {
        let daemon = try LiveDaemon()
        let topics = try #require(try daemon.call("topic.list")["topics"]?.arrayValue)
        #expect(topics.count == 1)
        let topic = try daemon.call("topic.get", ["topicId": "mh-2023-winter"])
        #expect(topic["window"] == ["start": "2023-01-09T00:00:00+08:00", "end": "2023-03-01T00:00:00+08:00"])
        #expect(topic["rules"]?["minLessons"] == ["mentalHealthTeacher": 15, "homeroomTeacher": 10])
        #expect(topic["rules"]?["maxRecognisedHours"] == 20 && topic["lessonCount"] == 25)
        #expect(topic["courses"]?.arrayValue?.count == 6)
        let courses = try daemon.call("course.list", ["topicId": "mh-2023-winter"])
        let lessons = courses["courses"]?.arrayValue?.flatMap { $0["lessons"]?.arrayValue ?? [] } ?? []
        #expect(lessons.count == 25)
        let lesson = try daemon.call("lesson.get", ["lessonId": "c02-l03"])
        #expect(lesson["durationSeconds"] == 1980 && lesson["quiz"]?["atSecond"] == 1320)
        #expect(lesson["quiz"]?["questions"]?.arrayValue?.first?["options"]?.arrayValue?.count == 4)
        for text in [topic, courses, lesson].map(JSONWriter.string) {
            #expect(!text.contains("answer"))
        }
        let missing = Self.rpcError { _ = try daemon.call("lesson.get", ["lessonId": "nope"]) }
        #expect(missing?.code == 404 && missing?.reason == "lesson.unknown")
    }

    @Test("codes.list serves every list of the forms, the 56 ethnic groups among them")
    func codeLists() throws {
        let daemon = try LiveDaemon()
        let codes = try daemon.call("codes.list")
        for field in ["identity", "teacherType", "idType", "title", "stage", "subject", "gender", "ethnicity", "politicalStatus", "education", "itAbility", "honours"] {
            #expect((codes[field]?.arrayValue?.count ?? 0) >= 2, "\(field)")
        }
        let ethnicity = codes["ethnicity"]?.arrayValue ?? []
        #expect(ethnicity.first == ["code": "01", "label": "汉族"])
        #expect(ethnicity.contains(["code": "56", "label": "基诺族"]))
        #expect(codes["politicalStatus"]?.arrayValue?.last == ["code": "13", "label": "群众"])
    }

    @Test("yanxiuctl topics import: the same file again is unchanged; a broken file lists every bad path")
    func ctlImport() throws {
        let daemon = try LiveDaemon()
        let again = try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath, "topics", "import", Self.contribFile])
        #expect(again.status == 0)
        #expect(again.output.contains("topic mh-2023-winter unchanged (25 lessons)"))

        var text = try String(contentsOfFile: Self.contribFile, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"atSecond\": 1110", with: "\"atSecond\": 9999")
        text = text.replacingOccurrences(of: "\"id\": \"c03\"", with: "\"id\": \"c02\"")
        let broken = daemon.directory + "/broken.json"
        try text.write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath, "topics", "import", broken])
        #expect(refused.status == 1)
        #expect(refused.output.contains("courses[0].lessons[0].quiz.atSecond: not_before_end"))
        #expect(refused.output.contains("courses[2].id: duplicate"))
        let listed = try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath, "topics", "list"])
        #expect(listed.output.contains("mh-2023-winter  [") && listed.output.contains("25 lessons"))
    }

    @Test("an import reports progress to a caller that passes a progressToken")
    func importProgress() throws {
        let daemon = try LiveDaemon()
        let document = try JSONParser.parse(try String(contentsOfFile: Self.contribFile, encoding: .utf8))
        let changed = try #require(document.objectValue).settingTitle("心理健康教育教师培训（修订）")
        var notes: [JSONValue] = []
        let result = try daemon.client().call("topic.import", ["topic": changed, "progressToken": "p1"]) { name, params in
            if name == "$/progress" { notes.append(params) }
        }
        #expect(result["changed"] == true && result["created"] == false)
        #expect(notes.first?["token"] == "p1")
        #expect(notes.last == ["token": "p1", "done": 25, "total": 25])
        #expect(try daemon.call("topic.get", ["topicId": "mh-2023-winter"])["title"] == "心理健康教育教师培训（修订）")
    }

    @Test("operators move the window; the topic's status follows the daemon's clock")
    func updateWindow() throws {
        let daemon = try LiveDaemon()
        try daemon.call("testClock.set", ["time": "2023-03-01T08:00:00+08:00"])
        #expect(try daemon.call("topic.get", ["topicId": "mh-2023-winter"])["status"] == "closed")
        let updated = try daemon.call("topic.update", ["topicId": "mh-2023-winter", "window": ["end": "2023-03-15T00:00:00+08:00"]])
        #expect(updated["window"]?["end"] == "2023-03-15T00:00:00+08:00" && updated["status"] == "open")
        let bad = Self.rpcError { _ = try daemon.call("topic.update", ["topicId": "mh-2023-winter", "rules": ["maxPlaybackRate": 4]]) }
        #expect(bad?.code == -32602 && bad?.data["fields"] == [["field": "rules.maxPlaybackRate", "reason": "out_of_range"]])
    }

    @Test("catalog changes and enrolment lists are for operators; enrolment needs a session")
    func access() throws {
        let daemon = try LiveDaemon()
        let importAsNobody = try runAsNobody([
            LiveDaemon.ctlPath, "--socket", daemon.socketPath, "--json", "call", "topic.update",
            #"{"topicId":"mh-2023-winter","rules":{"maxRecognisedHours":10}}"#,
        ])
        #expect(importAsNobody.status == 1 && importAsNobody.stdout.contains("auth.operator_required"))
        let listAsNobody = try runAsNobody([
            LiveDaemon.ctlPath, "--socket", daemon.socketPath, "--json", "enrollments", "list", "--topic", "mh-2023-winter",
        ])
        #expect(listAsNobody.status == 1 && listAsNobody.stdout.contains("session.unknown"))
        let noSession = Self.rpcError { _ = try daemon.call("enrollment.create", ["session": "forged", "topicId": "mh-2023-winter", "form": [:]]) }
        #expect(noSession?.code == 401 && noSession?.reason == "session.unknown")
        let listed = try daemon.call("enrollment.list", ["topicId": "mh-2023-winter"])
        #expect(listed["total"] == 0 && listed["enrollments"] == [] && listed["nextCursor"] == .null)
    }
}

extension JSONObject {
    fileprivate func settingTitle(_ title: String) -> JSONValue {
        var copy = self
        copy["title"] = .string(title)
        return .object(copy)
    }
}
