import Foundation
import CSV

/// Splits a CSV file into pieces that each fit in one request line, repeating the header.
///
/// The file is read with the daemon's own reader (`CSVReader`), so records are split exactly
/// where the daemon reads them, and written back field by field (RFC 4180 quoting, nothing
/// defused: the daemon stores what the file holds).
enum CSVChunks {
    static func split(_ text: String, maxRecords: Int = 5000, maxBytes: Int = 512 * 1024) throws(CSVReader.Malformed) -> [String] {
        let records = try CSVReader.records(text).map { record in
            record.fields.map(CSVWriter.quoted).joined(separator: ",")
        }
        guard let header = records.first else { return [] }
        var chunks: [String] = []
        var current: [String] = []
        var bytes = 0
        for record in records.dropFirst() {
            if current.count >= maxRecords || bytes + record.utf8.count > maxBytes, !current.isEmpty {
                chunks.append(([header] + current).joined(separator: "\n"))
                current = []
                bytes = 0
            }
            current.append(record)
            bytes += record.utf8.count + 1
        }
        if !current.isEmpty { chunks.append(([header] + current).joined(separator: "\n")) }
        return chunks
    }

    /// Reads `path` and splits it, or fails with a message and the usage exit status.
    static func read(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            Output.error("yanxiuctl: cannot read \(path)")
            throw ExitCodeError.usage
        }
        do {
            return try split(String(decoding: data, as: UTF8.self))
        } catch {
            Output.error("yanxiuctl: \(path):\(error.line): not CSV (\(error.reason))")
            throw ExitCodeError.usage
        }
    }
}
