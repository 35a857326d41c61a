/// Breaks mixed Chinese and Latin text into lines: anywhere between ideographs, never
/// inside a Latin word, serial or command, and never with a closing mark at the start
/// of a line or an opening mark at its end (the basic rules of Chinese line breaking).
enum LineBreaker {
    private static let closing: Set<Unicode.Scalar> = Set("，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%".unicodeScalars)
    private static let opening: Set<Unicode.Scalar> = Set("（《「『【〔〈“‘([{".unicodeScalars)

    /// Lines no wider than `width` points at `size`, the first one narrower by `firstLineIndent`.
    static func lines(_ text: ShapedText, size: Double, width: Double, firstLineIndent: Double = 0) -> [ShapedText] {
        var lines: [ShapedText] = []
        var line: [ShapedGlyph] = []
        var lineWidth = 0.0
        func available() -> Double { lines.isEmpty ? width - firstLineIndent : width }
        func finishLine() {
            while line.last?.scalar == " " { line.removeLast() }
            lines.append(ShapedText(glyphs: line))
            line = []
            lineWidth = 0
        }
        for token in tokens(text.glyphs) {
            let isSpace = token.allSatisfy { $0.scalar == " " }
            let tokenWidth = ShapedText(glyphs: token).width(size: size)
            if !line.isEmpty, lineWidth + tokenWidth > available() {
                finishLine()
            }
            if line.isEmpty, isSpace { continue }
            if tokenWidth <= available() {
                line += token
                lineWidth += tokenWidth
                continue
            }
            // A token longer than a whole line (a long URL) has to be cut somewhere.
            for glyph in token {
                let glyphWidth = glyph.advance * size
                if !line.isEmpty, lineWidth + glyphWidth > available() {
                    // A closing mark takes the glyph before it along to the next line.
                    let carried = closing.contains(glyph.scalar) && line.count > 1 ? line.removeLast() : nil
                    finishLine()
                    if let carried {
                        line.append(carried)
                        lineWidth = carried.advance * size
                    }
                }
                line.append(glyph)
                lineWidth += glyphWidth
            }
        }
        if !line.isEmpty { finishLine() }
        return lines
    }

    /// Groups glyphs into pieces that must stay on one line.
    private static func tokens(_ glyphs: [ShapedGlyph]) -> [[ShapedGlyph]] {
        var tokens: [[ShapedGlyph]] = []
        for glyph in glyphs {
            let scalar = glyph.scalar
            let previous = tokens.last?.last?.scalar
            let joinsPrevious: Bool
            if scalar == " " || previous == nil || previous == " " {
                joinsPrevious = false
            } else if closing.contains(scalar) || opening.contains(previous!) {
                joinsPrevious = true
            } else {
                joinsPrevious = isLatin(scalar) && isLatin(previous!)
            }
            if joinsPrevious {
                tokens[tokens.count - 1].append(glyph)
            } else {
                tokens.append([glyph])
            }
        }
        return tokens
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && scalar != " " && !opening.contains(scalar)
    }
}
