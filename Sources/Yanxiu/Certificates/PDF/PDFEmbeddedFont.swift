/// One font as the PDF holds it: a Type0 font with Identity-H encoding over a
/// CIDFontType2 whose CIDs are the glyph ids of an embedded subset, plus a ToUnicode
/// CMap so that viewers can copy, search and extract the text.
struct PDFEmbeddedFont {
    let subset: TrueTypeSubset
    /// The text each subset glyph stands for, by new glyph id.
    let unicode: [UInt16: Unicode.Scalar]
    private let font: TrueTypeFont

    /// Subsets `font` to the glyphs of `glyphs` that belong to font number `index`.
    init(font: TrueTypeFont, index: Int, glyphs: [ShapedGlyph]) throws {
        let own = glyphs.filter { $0.font == index }
        do {
            subset = try TrueTypeSubset(font: font, keeping: Set(own.map(\.glyph)))
        } catch let error as FontFormatError {
            throw CertificatePDFError.fontUnreadable(path: font.path, reason: error.reason)
        }
        var unicode: [UInt16: Unicode.Scalar] = [:]
        for glyph in own {
            let cid = subset.glyphMap[glyph.glyph]!
            // Two characters drawn by one glyph (a radical and its ideograph) map back to the first.
            if unicode[cid] == nil { unicode[cid] = glyph.scalar }
        }
        self.unicode = unicode
        self.font = font
    }

    /// The CID of an original glyph, as the 4 hex digits of an Identity-H string.
    func code(for glyph: UInt16) -> String {
        PDFSyntax.hex4(subset.glyphMap[glyph]!)
    }

    /// Writes the font's objects and returns the number of the Type0 font dictionary.
    func write(to pdf: inout PDFWriter) -> Int {
        let type0 = pdf.reserve()
        let cidFont = pdf.reserve()
        let descriptor = pdf.reserve()
        let fontFile = pdf.reserve()
        let toUnicode = pdf.reserve()
        let name = "/\(subsetTag)+\(font.postScriptName)"
        let scale = 1000 / Double(font.unitsPerEm)
        func scaled(_ value: Int) -> String { PDFSyntax.number((Double(value) * scale).rounded()) }

        pdf.write(type0, """
            << /Type /Font /Subtype /Type0 /BaseFont \(name) /Encoding /Identity-H \
            /DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>
            """)
        let widths = subset.advances.map { scaled(Int($0)) }.joined(separator: " ")
        pdf.write(cidFont, """
            << /Type /Font /Subtype /CIDFontType2 /BaseFont \(name) \
            /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
            /FontDescriptor \(descriptor) 0 R /CIDToGIDMap /Identity /DW 1000 /W [0 [\(widths)]] >>
            """)
        let box = font.boundingBox.map(scaled).joined(separator: " ")
        // Flags 4 (symbolic): glyphs are addressed by id, not through a standard encoding.
        pdf.write(descriptor, """
            << /Type /FontDescriptor /FontName \(name) /Flags 4 /FontBBox [\(box)] /ItalicAngle 0 \
            /Ascent \(scaled(font.ascender)) /Descent \(scaled(font.descender)) \
            /CapHeight \(scaled(font.ascender)) /StemV 80 /FontFile2 \(fontFile) 0 R >>
            """)
        pdf.write(fontFile, stream: subset.fontFile, entries: "/Length1 \(subset.fontFile.count)")
        pdf.write(toUnicode, stream: Array(ToUnicodeCMap.text(unicode).utf8))
        return type0
    }

    /// Six capital letters naming this subset (ISO 32000 9.6.4), derived from the font
    /// and the glyphs it holds so the same certificate always renders to the same bytes.
    private var subsetTag: String {
        let input = Array(font.postScriptName.utf8) + subset.glyphMap.keys.sorted().flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let hash = input.reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 } // FNV-1a
        return String((0..<6).map { index in
            Character(Unicode.Scalar(UInt8(65 + (hash >> (UInt64(index) * 8)) % 26)))
        })
    }
}
