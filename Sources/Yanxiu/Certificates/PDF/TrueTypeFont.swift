/// A TrueType font with `glyf` outlines, parsed just enough to map characters to
/// glyphs, measure them and copy their outlines into a subset.
struct TrueTypeFont: Sendable {
    /// Where the font came from, for error messages.
    let path: String
    /// A name for the PDF font dictionary (PostScript names allow no spaces).
    let postScriptName: String
    let data: FontBytes
    /// Absolute byte ranges of the tables, by tag.
    let tables: [String: Range<Int>]
    let unitsPerEm: Int
    let glyphCount: Int
    let ascender: Int
    let descender: Int
    /// xMin, yMin, xMax, yMax of all glyphs, in font units.
    let boundingBox: [Int]
    private let longLocaOffsets: Bool
    private let horizontalMetricCount: Int
    /// Nil for a font without a Unicode cmap, such as the subsets this code writes.
    let characterMap: TrueTypeCharacterMap?

    init(bytes: [UInt8], path: String) throws {
        self.path = path
        let data = FontBytes(bytes: bytes)
        self.data = data
        tables = try Self.tableDirectory(data)
        postScriptName = Self.postScriptName(fromPath: path)
        for tag in ["head", "hhea", "hmtx", "maxp", "loca", "glyf"] where tables[tag] == nil {
            if tag == "glyf", tables["CFF "] != nil || tables["CFF2"] != nil {
                throw FontFormatError(reason: "the font has PostScript (CFF) outlines; a TrueType (glyf) font is needed")
            }
            throw FontFormatError(reason: "the font has no '\(tag)' table")
        }
        let head = tables["head"]!.lowerBound
        unitsPerEm = Int(try data.uint16(head + 18))
        guard (16...16384).contains(unitsPerEm) else {
            throw FontFormatError(reason: "unitsPerEm \(unitsPerEm) is out of range")
        }
        boundingBox = try [36, 38, 40, 42].map { Int(try data.int16(head + $0)) }
        longLocaOffsets = try data.int16(head + 50) == 1
        glyphCount = Int(try data.uint16(tables["maxp"]!.lowerBound + 4))
        let hhea = tables["hhea"]!.lowerBound
        ascender = Int(try data.int16(hhea + 4))
        descender = Int(try data.int16(hhea + 6))
        horizontalMetricCount = Int(try data.uint16(hhea + 34))
        guard horizontalMetricCount >= 1, horizontalMetricCount <= glyphCount else {
            throw FontFormatError(reason: "hhea.numberOfHMetrics \(horizontalMetricCount) does not fit \(glyphCount) glyphs")
        }
        // Check the per-glyph tables once here so that lookups later cannot run off them.
        let hmtxNeeded = horizontalMetricCount * 4 + (glyphCount - horizontalMetricCount) * 2
        let locaNeeded = (glyphCount + 1) * (longLocaOffsets ? 4 : 2)
        guard tables["hmtx"]!.count >= hmtxNeeded, tables["loca"]!.count >= locaNeeded else {
            throw FontFormatError(reason: "hmtx or loca is shorter than \(glyphCount) glyphs need")
        }
        characterMap = try tables["cmap"].flatMap {
            try TrueTypeCharacterMap.unicodeSubtables(font: data, cmapOffset: $0.lowerBound).first
        }
    }

    /// Reads the table directory of a plain font, or of the first font of a TrueType
    /// collection (.ttc), whose table offsets already count from the start of the file.
    private static func tableDirectory(_ data: FontBytes) throws -> [String: Range<Int>] {
        var directory = 0
        switch try data.uint32(0) {
        case 0x0001_0000, 0x7472_7565: break // 1.0 and 'true'
        case 0x7474_6366: // 'ttcf'
            guard try data.uint32(8) >= 1 else { throw FontFormatError(reason: "the font collection is empty") }
            directory = Int(try data.uint32(12))
        case 0x4F54_544F: // 'OTTO'
            throw FontFormatError(reason: "the font has PostScript (CFF) outlines; a TrueType (glyf) font is needed")
        default:
            throw FontFormatError(reason: "not a TrueType font file")
        }
        let tableCount = Int(try data.uint16(directory + 4))
        var tables: [String: Range<Int>] = [:]
        for index in 0..<tableCount {
            let record = directory + 12 + index * 16
            let offset = Int(try data.uint32(record + 8))
            let length = Int(try data.uint32(record + 12))
            try data.checkRange(offset, length)
            tables[try data.tag(record)] = offset..<offset + length
        }
        return tables
    }

    private static func postScriptName(fromPath path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.split(separator: ".").first.map(String.init) ?? file
        let allowed = stem.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        return allowed.isEmpty ? "EmbeddedFont" : String(String.UnicodeScalarView(allowed.prefix(60)))
    }

    /// The glyph for a character, or nil when the font lacks it.
    func glyph(for scalar: Unicode.Scalar) -> UInt16? {
        guard let glyph = characterMap?.glyph(for: scalar), Int(glyph) < glyphCount else { return nil }
        return glyph
    }

    /// Advance width and left side bearing of a glyph, in font units.
    func horizontalMetrics(of glyph: UInt16) throws -> (advance: UInt16, leftSideBearing: Int16) {
        let hmtx = tables["hmtx"]!.lowerBound
        let index = Int(glyph)
        if index < horizontalMetricCount {
            return (try data.uint16(hmtx + index * 4), try data.int16(hmtx + index * 4 + 2))
        }
        // Glyphs past numberOfHMetrics share the last advance and store only their bearing.
        let advance = try data.uint16(hmtx + (horizontalMetricCount - 1) * 4)
        let bearing = try data.int16(hmtx + horizontalMetricCount * 4 + (index - horizontalMetricCount) * 2)
        return (advance, bearing)
    }

    /// The outline bytes of a glyph (empty for glyphs without contours, like space).
    func outline(of glyph: UInt16) throws -> ArraySlice<UInt8> {
        let loca = tables["loca"]!.lowerBound
        let glyf = tables["glyf"]!
        let index = Int(glyph)
        let start: Int
        let end: Int
        if longLocaOffsets {
            start = Int(try data.uint32(loca + index * 4))
            end = Int(try data.uint32(loca + index * 4 + 4))
        } else {
            start = Int(try data.uint16(loca + index * 2)) * 2
            end = Int(try data.uint16(loca + index * 2 + 2)) * 2
        }
        guard start <= end, end <= glyf.count else {
            throw FontFormatError(reason: "loca entry of glyph \(glyph) points outside glyf")
        }
        return try data.slice(glyf.lowerBound + start, end - start)
    }

    /// A copy of a whole table, or nil if the font lacks it.
    func table(_ tag: String) -> ArraySlice<UInt8>? {
        tables[tag].map { data.bytes[$0] }
    }
}
