import Foundation

/// Splits a CSV file into pieces that each fit in one request line, repeating the header.
///
/// The split happens only between records: a newline inside a quoted field is not a boundary.
/// Parsing the fields is the daemon's business.
enum CSVChunks {
    static func split(_ text: String, maxRecords: Int = 5000, maxBytes: Int = 512 * 1024) -> [String] {
        var records: [Substring] = []
        var start = text.startIndex
        var inQuotes = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" { inQuotes.toggle() }
            if (character == "\n" || character == "\r\n") && !inQuotes {
                records.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        if start < text.endIndex { records.append(text[start...]) }
        guard let header = records.first else { return [] }
        var chunks: [String] = []
        var current: [Substring] = []
        var bytes = 0
        for record in records.dropFirst() where !record.isEmpty {
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

    /// Reads `path`, or fails with a message and the usage exit status.
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            Output.error("yanxiuctl: cannot read \(path)")
            throw ExitCodeError.usage
        }
        return String(decoding: data, as: UTF8.self)
    }
}
