/// One character set in one font: which font, which glyph, how wide, and the text it
/// stands for (kept so the PDF can map the glyph back to Unicode).
struct ShapedGlyph: Sendable, Equatable {
    var font: Int
    var glyph: UInt16
    /// Advance width as a fraction of the font size.
    var advance: Double
    var scalar: Unicode.Scalar
}

/// A run of text turned into glyphs, ready to measure and place.
struct ShapedText: Sendable, Equatable {
    var glyphs: [ShapedGlyph]

    /// Width in points at a font size, with extra space after every glyph but the last.
    func width(size: Double, characterSpacing: Double = 0) -> Double {
        let advances = glyphs.reduce(0) { $0 + $1.advance } * size
        return advances + characterSpacing * Double(max(glyphs.count - 1, 0))
    }
}

/// Fonts in priority order: each character is drawn with the first font that has it,
/// because CJK fonts such as Droid Sans Fallback carry no Latin letters or digits.
struct FontStack: Sendable {
    let fonts: [TrueTypeFont]

    func shape(_ text: String) throws -> ShapedText {
        var glyphs: [ShapedGlyph] = []
        for original in text.unicodeScalars {
            // Variation selectors and joiners have no glyph of their own in these fonts.
            if original.properties.isDefaultIgnorableCodePoint { continue }
            let scalar: Unicode.Scalar = original.properties.isWhitespace ? " " : original
            guard let (index, glyph) = fonts.enumerated().lazy.compactMap({ entry in
                entry.element.glyph(for: scalar).map { (entry.offset, $0) }
            }).first else {
                throw CertificatePDFError.glyphMissing(character: String(scalar), fontPaths: fonts.map(\.path))
            }
            let font = fonts[index]
            let advance: UInt16
            do {
                advance = try font.horizontalMetrics(of: glyph).advance
            } catch let error as FontFormatError {
                throw CertificatePDFError.fontUnreadable(path: font.path, reason: error.reason)
            }
            glyphs.append(ShapedGlyph(
                font: index, glyph: glyph, advance: Double(advance) / Double(font.unitsPerEm), scalar: scalar
            ))
        }
        return ShapedText(glyphs: glyphs)
    }
}
