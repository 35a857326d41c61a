/// A table for the terminal: columns padded to the widest cell by display width, numbers
/// right-aligned, a rule under the header.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment
    }

    var columns: [Column]
    var rows: [[String]] = []
    /// Rows drawn after a second rule (totals).
    var footer: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    func render() -> String {
        let all = [columns.map(\.title)] + rows + footer
        let widths = columns.indices.map { index in all.map { DisplayWidth.of($0[index]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                let padded = columns[index].alignment == .right ? pad + cell : cell + pad
                text += index == 0 ? padded : "  " + padded
            }
            // Trailing blanks of a left-aligned last column help nobody.
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var lines = [line(columns.map(\.title)), rule] + rows.map(line)
        if !footer.isEmpty { lines += [rule] + footer.map(line) }
        return lines.joined(separator: "\n")
    }
}
