/// Writes CSV as RFC 4180 has it (CRLF line ends, fields quoted when they hold a comma, quote,
/// CR or LF, quotes doubled), in UTF-8 with an optional byte-order mark.
///
/// The BOM is what makes Excel on Windows read UTF-8 instead of the local code page, without
/// which Chinese names turn into mojibake; LibreOffice and programs do not need it.
struct CSVWriter {
    var byteOrderMark = false
    private(set) var text = ""

    init(byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
    }

    mutating func row(_ cells: [Cell]) {
        text += cells.map(\.field).joined(separator: ",") + "\r\n"
    }

    var bytes: [UInt8] { (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8) }

    /// One field: text is quoted as needed; text a spreadsheet would run as a formula is defused.
    enum Cell {
        case text(String)
        case number(String)

        var field: String {
            switch self {
            case .number(let value):
                return value
            case .text(let value):
                // A cell starting with = + - @ is a formula to Excel and LibreOffice (CSV injection):
                // a leading apostrophe keeps it text.
                let safe = value.first.map { "=+-@\t\r".contains($0) } == true ? "'" + value : value
                return CSVWriter.quoted(safe)
            }
        }
    }

    /// A field as it is, quoted when it holds a comma, quote or line break, and never defused:
    /// for a file a program reads, not a spreadsheet.
    static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
