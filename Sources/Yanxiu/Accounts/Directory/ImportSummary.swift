import CSV

/// What an import did, row by row: the figures an operator checks, and the rows it refused.
public struct ImportSummary: Sendable, Hashable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Refused rows: their line in the file and why.
    public var rejected: [(line: Int, reason: String)] = []

    public init() {}

    public static func == (lhs: ImportSummary, rhs: ImportSummary) -> Bool {
        lhs.inserted == rhs.inserted && lhs.updated == rhs.updated && lhs.unchanged == rhs.unchanged
            && lhs.rejected.map(\.line) == rhs.rejected.map(\.line) && lhs.rejected.map(\.reason) == rhs.rejected.map(\.reason)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(inserted)
        hasher.combine(updated)
        hasher.combine(rejected.count)
    }
}

/// A CSV text split into its header's named columns.
struct CSVTable {
    let records: [CSVReader.Record]
    let columns: [String: Int]

    /// Reads the text; the first record names the columns. Missing `required` columns are -32602 on `csv`.
    init(_ text: String, required: [String]) throws {
        let all: [CSVReader.Record]
        do {
            all = try CSVReader.records(text)
        } catch {
            throw DomainError.invalid(field: "csv", reason: "malformed:line\(error.line)")
        }
        guard let header = all.first else { throw DomainError.invalid(field: "csv", reason: "empty") }
        var columns: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() { columns[String(AccountText.trimmed(name))] = index }
        for name in required where columns[name] == nil {
            throw DomainError.invalid(field: "csv", reason: "missingColumn:\(name)")
        }
        self.columns = columns
        records = Array(all.dropFirst())
    }

    func value(_ record: CSVReader.Record, _ column: String) -> String? {
        guard let index = columns[column], index < record.fields.count else { return nil }
        let text = String(AccountText.trimmed(record.fields[index]))
        return text.isEmpty ? nil : text
    }
}
