import Foundation
import Testing
import Yanxiu

/// A misconfigured deployment gets an error that names the font and what is wrong.
struct CertificatePDFRendererErrorTests {
    @Test func missingFontFileIsNamed() {
        #expect(throws: CertificatePDFError.fontMissing(path: "/nonexistent/font.ttf")) {
            try CertificatePDFRenderer(fontPaths: ["/nonexistent/font.ttf"])
        }
    }

    @Test func noFontsIsRefused() {
        #expect(throws: CertificatePDFError.noFonts) { try CertificatePDFRenderer(fontPaths: []) }
    }

    @Test(arguments: [
        ("not a font", Array("just some text, certainly not a font file".utf8)),
        ("PostScript outlines", Array("OTTO".utf8) + [UInt8](repeating: 0, count: 60)),
    ])
    func unusableFontFileIsRefused(kind: String, bytes: [UInt8]) throws {
        let path = try CertificateSamples.temporaryDirectory().appendingPathComponent("font.ttf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: CertificatePDFError.self) { try CertificatePDFRenderer(fontPaths: [path]) }
        guard case .fontUnreadable(let reported, let reason) = error else {
            Issue.record("\(kind): expected fontUnreadable, got \(error)")
            return
        }
        #expect(reported == path)
        if kind == "PostScript outlines" { #expect(reason.contains("CFF")) }
    }

    @Test
    func characterNoFontHasIsNamed() throws {
        var certificate = CertificateSamples.demo
        certificate.teacherName = "王\u{10FFFD}"
        let error = try #require(throws: CertificatePDFError.self) { try CertificatePDFRenderer().render(certificate) }
        #expect(error == .glyphMissing(character: "\u{10FFFD}", fontPaths: CertificatePDFRenderer.defaultFontPaths))
        #expect(error.description.contains("U+10FFFD"))
    }

    @Test
    func chineseFontAloneCannotPrintLatinOrWesternPunctuation() throws {
        // Droid Sans Fallback has no ASCII letters or digits and no curly quotes: why a Latin font follows it.
        let renderer = try CertificatePDFRenderer(fontPaths: [CertificatePDFRenderer.defaultFontPaths[0]])
        let error = try #require(throws: CertificatePDFError.self) { try renderer.render(CertificateSamples.demo) }
        guard case .glyphMissing(let character, _) = error else {
            Issue.record("expected glyphMissing, got \(error)")
            return
        }
        #expect(character.unicodeScalars.allSatisfy { $0.isASCII || (0x2000...0x206F).contains($0.value) }, "\(character)")
    }
}
