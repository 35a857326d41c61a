import JSONRPC
import Yanxiu

extension GroupCommitWriter.Statistics {
    /// The writer's figures as operators read them in `system.info`.
    func json(queueDepth: Int) -> JSONValue {
        [
            "commits": .int(batches), "units": .int(units), "largestBatch": .int(largestBatch),
            "meanBatch": .double(batches == 0 ? 0 : (Double(units) / Double(batches) * 10).rounded() / 10),
            "meanCommitMs": .double(batches == 0 ? 0 : (Double(totalCommitNanoseconds) / Double(batches) / 1e4).rounded() / 100),
            "longestCommitMs": .double((Double(longestCommitNanoseconds) / 1e4).rounded() / 100),
            "queueDepth": .int(queueDepth),
        ]
    }
}
