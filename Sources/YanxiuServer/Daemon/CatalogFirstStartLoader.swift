import Foundation
import Yanxiu

/// Gives an empty database its first topic, from the embedded sample or the configured file.
struct CatalogFirstStartLoader {
    let app: AppContext

    func run() async throws {
        let setting = app.configuration.firstStartTopic
        let text: String?
        switch setting {
        case "none": text = nil
        case "embedded": text = SampleTopics.winter2023
        default:
            do {
                text = try String(contentsOfFile: setting, encoding: .utf8)
            } catch {
                throw ConfigurationError("first-start-topic: cannot read \(setting): \(error.localizedDescription)")
            }
        }
        let now = app.clock.nowMs
        if let result = try await app.store.write({ tx in try CatalogFirstStart.run(tx, documentText: text, now: now) }) {
            app.logger.notice("first start: topic imported", metadata: ["topic.id": "\(result.topicID)", "topic.lessons": "\(result.lessonCount)"])
        }
    }
}
