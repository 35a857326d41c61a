import Foundation
import Testing
@testable import Yanxiu

@Suite
struct TrueTypeFontTests {
    @Test func droidFormat4AndFormat12MapsAgreeOnTheWholeBMP() throws {
        let droid = try #require(TestFonts.droid)
        let maps = try TrueTypeCharacterMap.unicodeSubtables(font: droid.data, cmapOffset: droid.tables["cmap"]!.lowerBound)
        let full = try #require(maps.first { $0.format == .segmentedCoverage })
        let bmp = try #require(maps.first { $0.format == .segmentMapping })
        var mapped = 0
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let glyph = bmp.glyph(for: scalar)
            if glyph != nil { mapped += 1 }
            if glyph != full.glyph(for: scalar) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "first: \(disagreements.prefix(5))")
        #expect(mapped > 20_000, "a CJK font maps tens of thousands of characters")
    }

    @Test func charactersBeyondTheBMPAreFoundThroughFormat12() throws {
        let droid = try #require(TestFonts.droid)
        // Droid maps a few supplementary-plane characters, such as Deseret, only in format 12.
        #expect(droid.characterMap?.format == .segmentedCoverage)
        #expect(droid.glyph(for: "\u{10400}") != nil)
        #expect(droid.glyph(for: "\u{10FFFD}") == nil)
    }

    @Test func chineseComesFromDroidAndLatinFromDejaVu() throws {
        let shaped = try TestFonts.stack.shape("王小明 YX23")
        #expect(shaped.glyphs.map(\.font) == [0, 0, 0, 0, 1, 1, 1, 1])
        #expect(shaped.glyphs.allSatisfy { $0.glyph != 0 && $0.advance > 0 })
        // Ideographs are square: one em wide.
        #expect(shaped.glyphs[0].advance == 1)
    }

    @Test func subsetKeepsOutlinesMetricsAndChecksums() throws {
        let dejaVu = try #require(TestFonts.dejaVu)
        // Accented letters are composites in DejaVu: the subset must bring their parts along.
        let wanted = "Aé1Ǻ".unicodeScalars.compactMap { dejaVu.glyph(for: $0) }
        #expect(wanted.count == 4)
        let subset = try TrueTypeSubset(font: dejaVu, keeping: Set(wanted))
        let reparsed = try TrueTypeFont(bytes: subset.fontFile, path: "subset.ttf")
        #expect(reparsed.glyphCount == subset.glyphMap.count)
        #expect(subset.glyphMap[0] == 0)
        var sawComposite = false
        for (old, new) in subset.glyphMap {
            #expect(try reparsed.horizontalMetrics(of: new) == dejaVu.horizontalMetrics(of: old))
            let original = try dejaVu.outline(of: old)
            let copied = try reparsed.outline(of: new)
            if let composite = try CompositeGlyph(outline: original) {
                sawComposite = true
                let renumbered = try #require(try CompositeGlyph(outline: copied))
                #expect(renumbered.components.map(\.glyph) == composite.components.map { subset.glyphMap[$0.glyph]! })
            } else {
                #expect(Array(copied.prefix(original.count)) == Array(original))
            }
        }
        #expect(sawComposite)
        #expect(subset.glyphMap.count > wanted.count + 1, "components were added")
        // A whole sfnt file sums to the magic number once head.checkSumAdjustment is set.
        #expect(FontBytes.checksum(subset.fontFile) == 0xB1B0_AFBA)
        for (tag, range) in reparsed.tables where tag != "head" {
            let record = try #require((0..<reparsed.tables.count).map { 12 + $0 * 16 }.first { try! reparsed.data.tag($0) == tag })
            #expect(try reparsed.data.uint32(record + 4) == FontBytes.checksum(subset.fontFile[range]), "checksum of \(tag)")
        }
    }

    @Test func firstFaceOfACollectionIsUsed() throws {
        let dejaVu = try #require(TestFonts.dejaVu)
        let collection = try TrueTypeFont(bytes: try TestFonts.collection(wrapping: TestFonts.dejaVuPath), path: "DejaVuSans.ttc")
        for scalar in "Serial YX23-7K4M".unicodeScalars {
            #expect(collection.glyph(for: scalar) == dejaVu.glyph(for: scalar))
            let glyph = try #require(collection.glyph(for: scalar))
            #expect(try collection.outline(of: glyph) == dejaVu.outline(of: glyph))
        }
    }

    @Test func truncatedFontIsAnErrorNotACrash() throws {
        let whole = [UInt8](FileManager.default.contents(atPath: TestFonts.dejaVuPath)!)
        for length in [0, 3, 12, 100, 1000, whole.count / 2] {
            #expect(throws: FontFormatError.self) { try TrueTypeFont(bytes: Array(whole.prefix(length)), path: "cut.ttf") }
        }
    }
}
