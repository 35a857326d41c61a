import JSONValues

/// `topic.update`: moves a topic's window or changes some of its rules, leaving the rest as it is.
public enum TopicUpdate {
    /// Applies `window` (`start` and/or `end`) and `rules` (any subset of the document's rules)
    /// to the stored topic; -32602 with every bad field, 404 `topic.unknown`.
    public static func run(_ tx: any StoreTransaction, topicID: String, window: JSONObject?, rules: JSONObject?, now: Int64) throws -> TopicSummary {
        guard window != nil || rules != nil else { throw DomainError.invalid(field: "window", reason: "required") }
        let current = try Catalog.topic(tx, id: topicID)
        var reader = TopicDocumentReader()
        var start = current.windowStartMs
        var end = current.windowEndMs
        if let window {
            reader.fields.rejectUnknown(window, known: ["start", "end"], at: "window")
            if window["start"] != nil, let ms = reader.fields.instant(window, "start", at: "window") { start = ms }
            if window["end"] != nil, let ms = reader.fields.instant(window, "end", at: "window") { end = ms }
            if reader.fields.problems.isEmpty, end <= start { reader.fields.report("window.end", "not_after_start") }
        }
        var newRules = current.rules
        if let rules, let merged = reader.rules(["rules": .object(rules)], base: current.rules) {
            newRules = merged
            reader.checkMinimums(merged, lessonCount: current.lessonCount)
        }
        guard reader.fields.problems.isEmpty else { throw DomainError.invalid(reader.fields.problems) }
        try tx.catalog.updateWindowAndRules(topicID: topicID, windowStartMs: start, windowEndMs: end, rules: newRules, now: now)
        return try Catalog.topic(tx, id: topicID)
    }
}
