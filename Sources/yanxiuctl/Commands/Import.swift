import ArgumentParser
import Foundation
import JSONRPC

/// Sends a CSV file to an import method chunk by chunk and adds up the summaries.
///
/// Line numbers in the daemon's answer count from each chunk's header; they are mapped back to
/// the file's records so an operator can find a refused row.
struct CSVImport {
    let options: GlobalOptions
    let method: String

    func run(file: String) throws {
        let chunks = try CSVChunks.read(file)
        let session = try Session(options)
        var totals: [String: Int64] = ["inserted": 0, "updated": 0, "unchanged": 0, "rejectedCount": 0]
        var rejected: [JSONValue] = []
        var recordsBefore = 0
        for (number, chunk) in chunks.enumerated() {
            let result = try session.call(method, ["csv": .string(chunk)])
            for key in totals.keys { totals[key, default: 0] += result[key]?.int64Value ?? 0 }
            for row in result["rejected"]?.arrayValue ?? [] where rejected.count < 100 {
                let line = Int64(recordsBefore) + (row["line"]?.int64Value ?? 0)
                rejected.append(["line": .int64(line), "reason": row["reason"] ?? .null])
            }
            recordsBefore += chunk.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            if !options.json { Output.error("\(method): chunk \(number + 1)/\(chunks.count) done") }
        }
        var summary = JSONObject()
        for key in ["inserted", "updated", "unchanged", "rejectedCount"] { summary[key] = .int64(totals[key] ?? 0) }
        summary["rejected"] = .array(rejected)
        Output.result(.object(summary), json: options.json)
    }
}

/// Exit statuses thrown by helpers that are not commands.
enum ExitCodeError {
    static let usage = ExitCode(Exit.usage)
}
