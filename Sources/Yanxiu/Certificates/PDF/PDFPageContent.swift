import Foundation

/// Turns page elements into the operators of a PDF content stream.
struct PDFPageContent {
    /// The embedded font for each font of the stack that the page uses.
    let fonts: [Int: PDFEmbeddedFont]

    /// The resource name under which the page refers to a font.
    static func resourceName(font index: Int) -> String { "F\(index + 1)" }

    func stream(_ elements: [PageElement]) -> [UInt8] {
        var operators: [String] = []
        for element in elements {
            switch element {
            case .path(let path): operators += self.path(path)
            case .text(let text): operators += self.text(text)
            case .qrCode(let code): operators += self.qrCode(code)
            }
        }
        return Array((operators.joined(separator: "\n") + "\n").utf8)
    }

    private func path(_ path: PagePath) -> [String] {
        guard let first = path.points.first, path.stroke != nil || path.fill != nil else { return [] }
        var lines = ["q", "\(PDFSyntax.number(path.lineWidth)) w", "0 j"]
        if let stroke = path.stroke { lines.append("\(color(stroke)) RG") }
        if let fill = path.fill { lines.append("\(color(fill)) rg") }
        lines.append("\(PDFSyntax.number(first.x)) \(PDFSyntax.number(first.y)) m")
        for point in path.points.dropFirst() {
            lines.append("\(PDFSyntax.number(point.x)) \(PDFSyntax.number(point.y)) l")
        }
        if path.closed { lines.append("h") }
        switch (path.stroke, path.fill) {
        case (.some, .some): lines.append("B")
        case (.none, .some): lines.append("f")
        default: lines.append("S")
        }
        lines.append("Q")
        return lines
    }

    /// One filled rectangle per horizontal run of dark modules, all in one fill, in a
    /// coordinate system of one unit per module (so each is a few bytes of whole numbers).
    private func qrCode(_ code: PlacedQRCode) -> [String] {
        let scale = PDFSyntax.number(code.moduleSize)
        var lines = ["q", "\(color(code.color)) rg", "\(scale) 0 0 \(scale) \(PDFSyntax.number(code.x)) \(PDFSyntax.number(code.y)) cm"]
        let size = code.matrix.size
        for row in 0..<size {
            // Row 0 is the top: PDF's y grows upwards.
            let y = size - 1 - row
            var column = 0
            while column < size {
                guard code.matrix.isDark(row: row, column: column) else { column += 1; continue }
                let start = column
                while column < size, code.matrix.isDark(row: row, column: column) { column += 1 }
                lines.append("\(start) \(y) \(column - start) 1 re")
            }
        }
        lines += ["f", "Q"]
        return lines
    }

    private func text(_ placed: PlacedText) -> [String] {
        guard !placed.text.glyphs.isEmpty else { return [] }
        let size = PDFSyntax.number(placed.size)
        var lines = ["q", "BT", "\(color(placed.color)) rg"]
        if placed.emboldening > 0 {
            // Fill and stroke in the same colour widens every stroke of the glyph.
            lines += ["2 Tr", "\(PDFSyntax.number(placed.emboldening)) w", "\(color(placed.color)) RG"]
        } else {
            lines.append("0 Tr")
        }
        lines.append("\(PDFSyntax.number(placed.characterSpacing)) Tc")
        let radians = placed.rotation * Double.pi / 180
        let (cosine, sine) = (cos(radians), sin(radians))
        lines.append([cosine, sine, -sine, cosine, placed.x, placed.y].map(PDFSyntax.number).joined(separator: " ") + " Tm")
        // One show operator per stretch of glyphs from the same font; each moves the
        // text position on, so the stretches join up without computed offsets.
        var start = placed.text.glyphs.startIndex
        while start < placed.text.glyphs.endIndex {
            let fontIndex = placed.text.glyphs[start].font
            var end = start
            while end < placed.text.glyphs.endIndex, placed.text.glyphs[end].font == fontIndex { end += 1 }
            let font = fonts[fontIndex]!
            let codes = placed.text.glyphs[start..<end].map { font.code(for: $0.glyph) }.joined()
            lines.append("/\(Self.resourceName(font: fontIndex)) \(size) Tf <\(codes)> Tj")
            start = end
        }
        lines += ["ET", "Q"]
        return lines
    }

    private func color(_ color: PageColor) -> String {
        [color.red, color.green, color.blue].map(PDFSyntax.number).joined(separator: " ")
    }
}
