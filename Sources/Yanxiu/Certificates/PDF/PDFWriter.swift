/// Writes the file structure of a PDF 1.7 document: numbered objects, the
/// cross-reference table and the trailer. Objects may be written in any order, so a
/// page can refer to fonts whose numbers were reserved but not yet written.
struct PDFWriter {
    private var output: [UInt8]
    private var offsets: [Int: Int] = [:]
    private var nextNumber = 1

    init() {
        // The comment of four high bytes tells transfer tools the file is binary.
        output = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3] + Array("\n".utf8)
    }

    /// A number for an object to be written later.
    mutating func reserve() -> Int {
        defer { nextNumber += 1 }
        return nextNumber
    }

    mutating func write(_ number: Int, _ dictionary: String) {
        begin(number)
        output += Array("\(dictionary)\nendobj\n".utf8)
    }

    /// A stream object; `/Length` is added to the dictionary entries given.
    mutating func write(_ number: Int, stream: [UInt8], entries: String = "") {
        begin(number)
        output += Array("<< /Length \(stream.count)\(entries.isEmpty ? "" : " " + entries) >>\nstream\n".utf8)
        output += stream
        output += Array("\nendstream\nendobj\n".utf8)
    }

    private mutating func begin(_ number: Int) {
        precondition(offsets[number] == nil, "PDF object \(number) written twice")
        offsets[number] = output.count
        output += Array("\(number) 0 obj\n".utf8)
    }

    /// The finished file. Every reserved number must have been written.
    func finish(root: Int, info: Int) -> [UInt8] {
        var file = output
        let xrefOffset = file.count
        var xref = "xref\n0 \(nextNumber)\n0000000000 65535 f \n"
        for number in 1..<nextNumber {
            guard let offset = offsets[number] else { preconditionFailure("PDF object \(number) reserved but never written") }
            let digits = String(offset)
            // Entries are exactly 20 bytes: 10-digit offset, generation, type, two-byte end of line.
            xref += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        xref += "trailer\n<< /Size \(nextNumber) /Root \(root) 0 R /Info \(info) 0 R >>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        file += Array(xref.utf8)
        return file
    }
}

/// Spellings of values inside PDF syntax.
enum PDFSyntax {
    /// A number with at most three decimals and no exponent, which PDF does not allow.
    static func number(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let magnitude = abs(thousandths)
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (thousandths < 0 ? "-" : "") + String(magnitude / 1000) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A text string for the document information, as UTF-16BE with a byte order mark.
    static func textString(_ text: String) -> String {
        "<FEFF" + text.utf16.map(hex4).joined() + ">"
    }

    static func hex4(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
