/// Reads RFC 4180 comma-separated text: quoted fields with `""` escapes, LF or CRLF
/// line ends, a leading UTF-8 byte-order mark (spreadsheets write one) ignored.
public struct CSVReader: Sendable {
    /// One record and the line it starts on (1-based), for error messages.
    public struct Record: Sendable, Hashable {
        public let line: Int
        public let fields: [String]
    }

    /// Why a text is not CSV.
    public struct Malformed: Error, Sendable, Hashable {
        public let line: Int
        public let reason: String
    }

    /// Every non-blank record of `text`.
    public static func records(_ text: String) throws(Malformed) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].allSatisfy(\.isWhitespace)) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        afterQuote = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !afterQuote else { throw Malformed(line: line, reason: "quote") }
                inQuotes = true
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                fallthrough
            case "\n":
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            default:
                guard !afterQuote else { throw Malformed(line: line, reason: "quote") }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw Malformed(line: recordLine, reason: "unterminatedQuote") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
