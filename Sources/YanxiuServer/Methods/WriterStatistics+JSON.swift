import JSONRPC
import Yanxiu

extension WriterStatistics {
    /// The writer's figures as operators read them in `system.info`.
    func json(queueDepth: Int, engine: String, location: String? = nil) -> JSONValue {
        var json: JSONObject = [
            "engine": .string(engine),
            "commits": .int(batches), "units": .int(units), "largestBatch": .int(largestBatch),
            "meanBatch": .double(batches == 0 ? 0 : (Double(units) / Double(batches) * 10).rounded() / 10),
            "meanCommitMs": .double(batches == 0 ? 0 : (Double(totalCommitNanoseconds) / Double(batches) / 1e4).rounded() / 100),
            "longestCommitMs": .double((Double(longestCommitNanoseconds) / 1e4).rounded() / 100),
            "queueDepth": .int(queueDepth),
        ]
        if let location { json["location"] = .string(location) }
        return .object(json)
    }
}
