import JSONRPC
import Yanxiu

/// `topic.import` and `topic.update`: operators maintain the catalog.
struct TopicAdminMethods {
    let app: AppContext

    func descriptors() -> [MethodDescriptor] {
        let app = self.app
        return [
            MethodDescriptor(
                "topic.import",
                "Imports a whole topic document; idempotent. A changed document updates titles, window and rules and adds lessons, but cannot change or remove lessons with progress. Sends $/progress per lesson when given a progressToken.",
                access: .operator,
                params: [
                    .object("topic", "the topic document (docs/documents.md#the-topic-document)"),
                    ParamSpec("progressToken", .any, required: false, "echoed in $/progress notifications"),
                ],
                result: "{topicId, created, changed, lessonsAdded, lessonsRegraded, lessonsRemoved, courseCount, lessonCount}",
                errors: ["params.invalid", "lesson.locked", "lesson.id_taken"]
            ) { call in
                let document = try TopicDocumentReader.read(call.params["topic"] ?? .null)
                let token = call.params["progressToken"]
                let notify = call.notify
                let now = app.clock.nowMs
                let result = try await app.store.write { tx in
                    try TopicImporter.run(tx, document, now: now) { done, total in
                        // Every tenth lesson and the last: enough for a progress bar, few enough lines.
                        if let token, done % 10 == 0 || done == total {
                            notify("$/progress", ["token": token, "done": .int(done), "total": .int(total)])
                        }
                    }
                }
                if result.changed { app.heartbeats.lessons.invalidate() }
                app.logger.notice(
                    "topic imported",
                    metadata: ["topic.id": "\(result.topicID)", "topic.changed": "\(result.changed)", "topic.lessons": "\(result.lessonCount)", "peer.uid": "\(call.peer.uid)"])
                return CatalogRendering.importResult(result)
            },
            MethodDescriptor(
                "topic.update", "Moves a topic's window (start and/or end) or changes some of its credit rules.", access: .operator,
                params: [
                    .string("topicId", "the topic"),
                    .object("window", required: false, "{start?, end?} as RFC 3339 instants with offset; end is exclusive"),
                    .object("rules", required: false, "any of minLessons, maxRecognisedHours, maxPlaybackRate, endToleranceSeconds"),
                ],
                result: "the topic as topic.get shows it",
                errors: ["params.invalid", "topic.unknown"]
            ) { call in
                let topicID = try call.params.require("topicId")
                let window = call.params.objectValue("window")
                let rules = call.params.objectValue("rules")
                let now = app.clock.nowMs
                let topic = try await app.store.write { tx in try TopicUpdate.run(tx, topicID: topicID, window: window, rules: rules, now: now) }
                // Heartbeat lanes cache windows and rules; they must see the new ones from the next heartbeat on.
                app.heartbeats.lessons.invalidate()
                app.logger.notice("topic updated", metadata: ["topic.id": "\(topicID)", "peer.uid": "\(call.peer.uid)"])
                return .object(CatalogRendering.topic(topic, now: now))
            },
        ]
    }
}
