/// A standalone TrueType font holding only the glyphs a document uses, renumbered
/// densely from 1 (0 stays `.notdef`), so a certificate embeds kilobytes, not megabytes.
struct TrueTypeSubset: Sendable {
    /// The sfnt bytes, ready for a PDF `FontFile2` stream.
    let fontFile: [UInt8]
    /// New glyph id for each original glyph id the subset kept.
    let glyphMap: [UInt16: UInt16]
    /// Advance widths of the new glyphs, in font units, indexed by new glyph id.
    let advances: [UInt16]

    /// Tables a PDF viewer needs for a TrueType font (ISO 32000 9.9); the hinting
    /// programs are copied verbatim because glyph instructions call into them.
    private static let copiedTables = ["cvt ", "fpgm", "prep"]

    init(font: TrueTypeFont, keeping glyphs: Set<UInt16>) throws {
        let kept = try Self.closure(of: glyphs, in: font)
        var glyphMap: [UInt16: UInt16] = [:]
        for (newID, oldID) in kept.enumerated() { glyphMap[oldID] = UInt16(newID) }

        var glyf = FontByteWriter()
        var loca = FontByteWriter()
        var hmtx = FontByteWriter()
        var advances: [UInt16] = []
        for oldID in kept {
            loca.uint32(UInt32(glyf.count))
            var outline = Array(try font.outline(of: oldID))
            if let composite = try CompositeGlyph(outline: outline[...]) {
                for component in composite.components {
                    let newID = glyphMap[component.glyph]!
                    outline[component.indexPosition] = UInt8(newID >> 8)
                    outline[component.indexPosition + 1] = UInt8(newID & 0xFF)
                }
            }
            glyf.append(outline)
            glyf.padToFourBytes()
            let metrics = try font.horizontalMetrics(of: oldID)
            hmtx.uint16(metrics.advance)
            hmtx.int16(metrics.leftSideBearing)
            advances.append(metrics.advance)
        }
        loca.uint32(UInt32(glyf.count))

        let count = UInt16(kept.count)
        var tables: [String: [UInt8]] = [
            "glyf": glyf.bytes,
            "loca": loca.bytes,
            "hmtx": hmtx.bytes,
            "head": try Self.patched(font, "head", minimumLength: 54) { table in
                table.overwriteUInt32(0, at: 8) // checkSumAdjustment, set once the file is whole
                table.overwriteUInt16(1, at: 50) // indexToLocFormat: long offsets
            },
            "hhea": try Self.patched(font, "hhea", minimumLength: 36) { $0.overwriteUInt16(count, at: 34) },
            "maxp": try Self.patched(font, "maxp", minimumLength: 6) { $0.overwriteUInt16(count, at: 4) },
        ]
        for tag in Self.copiedTables {
            if let table = font.table(tag) { tables[tag] = Array(table) }
        }
        self.fontFile = SFNTAssembler.assemble(tables)
        self.glyphMap = glyphMap
        self.advances = advances
    }

    /// The requested glyphs plus `.notdef` and every glyph a composite refers to, in
    /// original order so that the output does not depend on the order of use.
    private static func closure(of glyphs: Set<UInt16>, in font: TrueTypeFont) throws -> [UInt16] {
        var kept: Set<UInt16> = [0]
        var pending = Array(glyphs)
        while let glyph = pending.popLast() {
            guard Int(glyph) < font.glyphCount else {
                throw FontFormatError(reason: "glyph \(glyph) is beyond the font's \(font.glyphCount) glyphs")
            }
            guard kept.insert(glyph).inserted || glyph == 0 else { continue }
            if let composite = try CompositeGlyph(outline: try font.outline(of: glyph)) {
                pending.append(contentsOf: composite.components.map(\.glyph).filter { !kept.contains($0) })
            }
        }
        return kept.sorted()
    }

    private static func patched(
        _ font: TrueTypeFont, _ tag: String, minimumLength: Int, _ edit: (inout FontByteWriter) -> Void
    ) throws -> [UInt8] {
        guard let table = font.table(tag), table.count >= minimumLength else {
            throw FontFormatError(reason: "the '\(tag)' table is too short")
        }
        var writer = FontByteWriter()
        writer.append(table)
        edit(&writer)
        return writer.bytes
    }
}
