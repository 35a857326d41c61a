/// One Unicode subtable of a font's `cmap`: format 4 (BMP segments) or format 12
/// (32-bit groups, needed for characters beyond the BMP such as rare name characters).
struct TrueTypeCharacterMap: Sendable {
    enum Format: Int, Sendable { case segmentMapping = 4, segmentedCoverage = 12 }

    let format: Format
    private let font: FontBytes
    /// Absolute offset of the subtable in the font file.
    private let offset: Int
    private let segmentCount: Int
    private let groupCount: Int

    init(font: FontBytes, offset: Int) throws {
        self.font = font
        self.offset = offset
        switch try font.uint16(offset) {
        case 4:
            format = .segmentMapping
            segmentCount = Int(try font.uint16(offset + 6)) / 2
            groupCount = 0
            try font.checkRange(offset + 16, segmentCount * 8)
        case 12:
            format = .segmentedCoverage
            segmentCount = 0
            groupCount = Int(try font.uint32(offset + 12))
            try font.checkRange(offset + 16, groupCount * 12)
        case let other:
            throw FontFormatError(reason: "cmap subtable format \(other) is not supported")
        }
    }

    /// The Unicode subtables of a `cmap` table, best first: full-repertoire format 12
    /// before BMP-only format 4.
    static func unicodeSubtables(font: FontBytes, cmapOffset: Int) throws -> [TrueTypeCharacterMap] {
        let recordCount = Int(try font.uint16(cmapOffset + 2))
        var full: [TrueTypeCharacterMap] = []
        var bmp: [TrueTypeCharacterMap] = []
        for record in 0..<recordCount {
            let base = cmapOffset + 4 + record * 8
            let platform = try font.uint16(base)
            let encoding = try font.uint16(base + 2)
            let isUnicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard isUnicode else { continue }
            let subtableOffset = cmapOffset + Int(try font.uint32(base + 4))
            guard let map = try? TrueTypeCharacterMap(font: font, offset: subtableOffset) else { continue }
            if map.format == .segmentedCoverage { full.append(map) } else { bmp.append(map) }
        }
        return full + bmp
    }

    /// The glyph for a character, or nil when the font maps it to `.notdef`.
    func glyph(for scalar: Unicode.Scalar) -> UInt16? {
        let glyph: UInt16?
        switch format {
        case .segmentMapping: glyph = try? segmentGlyph(UInt32(scalar.value))
        case .segmentedCoverage: glyph = try? groupGlyph(UInt32(scalar.value))
        }
        return glyph == 0 ? nil : glyph
    }

    private func segmentGlyph(_ code: UInt32) throws -> UInt16? {
        guard code <= 0xFFFF else { return nil }
        let endCodes = offset + 14
        let startCodes = endCodes + segmentCount * 2 + 2
        let deltas = startCodes + segmentCount * 2
        let rangeOffsets = deltas + segmentCount * 2
        // End codes are sorted: the first segment ending at or after the code is the only candidate.
        var low = 0
        var high = segmentCount
        while low < high {
            let mid = (low + high) / 2
            if UInt32(try font.uint16(endCodes + mid * 2)) < code { low = mid + 1 } else { high = mid }
        }
        guard low < segmentCount else { return nil }
        let start = UInt32(try font.uint16(startCodes + low * 2))
        guard start <= code else { return nil }
        let delta = try font.uint16(deltas + low * 2)
        let rangeOffsetPosition = rangeOffsets + low * 2
        let rangeOffset = Int(try font.uint16(rangeOffsetPosition))
        if rangeOffset == 0 {
            return UInt16(truncatingIfNeeded: code) &+ delta
        }
        // The offset is relative to the rangeOffset field itself (the format's famous quirk).
        let glyph = try font.uint16(rangeOffsetPosition + rangeOffset + Int(code - start) * 2)
        return glyph == 0 ? nil : glyph &+ delta
    }

    private func groupGlyph(_ code: UInt32) throws -> UInt16? {
        let groups = offset + 16
        var low = 0
        var high = groupCount
        while low < high {
            let mid = (low + high) / 2
            if try font.uint32(groups + mid * 12 + 4) < code { low = mid + 1 } else { high = mid }
        }
        guard low < groupCount else { return nil }
        let base = groups + low * 12
        let start = try font.uint32(base)
        guard start <= code else { return nil }
        let glyph = try font.uint32(base + 8) + (code - start)
        return glyph <= UInt32(UInt16.max) ? UInt16(glyph) : nil
    }
}
