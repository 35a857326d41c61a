import Foundation

/// Renders printable certificates as A4 landscape PDFs in Chinese, embedding subsets
/// of TrueType fonts so they show the same in every viewer and their text extracts.
public struct CertificatePDFRenderer: Sendable {
    /// Droid Sans Fallback (Debian `fonts-droid-fallback`) for Chinese, then DejaVu
    /// Sans (`fonts-dejavu-core`) for the Latin letters and digits Droid lacks.
    public static let defaultFontPaths = [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ]

    private let fonts: FontStack

    /// Reads and checks the fonts, in priority order: each character is drawn with the
    /// first font that has it. A font of a collection (.ttc) means its first face.
    /// Reads files of several megabytes, so run it once, off the event loop.
    public init(fontPaths: [String] = CertificatePDFRenderer.defaultFontPaths) throws {
        guard !fontPaths.isEmpty else { throw CertificatePDFError.noFonts }
        fonts = FontStack(fonts: try fontPaths.map(Self.loadFont))
    }

    private static func loadFont(_ path: String) throws -> TrueTypeFont {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CertificatePDFError.fontMissing(path: path)
        }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CertificatePDFError.fontUnreadable(path: path, reason: "\(error)")
        }
        let font: TrueTypeFont
        do {
            font = try TrueTypeFont(bytes: bytes, path: path)
        } catch let error as FontFormatError {
            throw CertificatePDFError.fontUnreadable(path: path, reason: error.reason)
        }
        guard font.characterMap != nil else {
            throw CertificatePDFError.fontUnreadable(path: path, reason: "the font has no Unicode cmap subtable of format 4 or 12")
        }
        return font
    }

    /// The PDF file of one certificate, carrying `attachment` (the signed credential) when
    /// given. The same input always gives the same bytes.
    ///
    /// The document information repeats what the page prints as the serial and the holder
    /// (`/CertificateSerial`, `/CertificateHolder`), written from the same data that draws
    /// the page, so a checker can compare them with the attached credential.
    public func render(_ certificate: CertificatePrintData, attachment: PDFAttachment? = nil) throws -> Data {
        let elements = try CertificateLayout(fonts: fonts).elements(for: certificate)
        let glyphs = elements.flatMap { element -> [ShapedGlyph] in
            if case .text(let placed) = element { return placed.text.glyphs }
            return []
        }
        var pdf = PDFWriter()
        let catalog = pdf.reserve()
        let pages = pdf.reserve()
        let page = pdf.reserve()
        let content = pdf.reserve()
        let info = pdf.reserve()

        // Only fonts that draw something are embedded.
        var embedded: [Int: PDFEmbeddedFont] = [:]
        var resources: [String] = []
        for index in Set(glyphs.map(\.font)).sorted() {
            let font = try PDFEmbeddedFont(font: fonts.fonts[index], index: index, glyphs: glyphs)
            embedded[index] = font
            resources.append("/\(PDFPageContent.resourceName(font: index)) \(font.write(to: &pdf)) 0 R")
        }

        var attached = ""
        if let attachment {
            let specification = attachment.write(to: &pdf)
            attached = " /Names << /EmbeddedFiles << /Names [(\(attachment.fileName)) \(specification) 0 R] >> >> /AF [\(specification) 0 R]"
        }
        pdf.write(catalog, """
            << /Type /Catalog /Pages \(pages) 0 R /Lang (zh-CN) \
            /ViewerPreferences << /DisplayDocTitle true >>\(attached) >>
            """)
        pdf.write(pages, "<< /Type /Pages /Kids [\(page) 0 R] /Count 1 >>")
        let size = "\(PDFSyntax.number(CertificateLayout.pageWidth)) \(PDFSyntax.number(CertificateLayout.pageHeight))"
        pdf.write(page, """
            << /Type /Page /Parent \(pages) 0 R /MediaBox [0 0 \(size)] \
            /Resources << /Font << \(resources.joined(separator: " ")) >> >> /Contents \(content) 0 R >>
            """)
        pdf.write(content, stream: PDFPageContent(fonts: embedded).stream(elements))
        let title = "\(certificate.title) \(certificate.teacherName) \(certificate.serial)"
        pdf.write(info, """
            << /Title \(PDFSyntax.textString(title)) /Producer (yanxiud) \
            /CertificateSerial \(PDFSyntax.textString(certificate.serial)) /CertificateHolder \(PDFSyntax.textString(certificate.teacherName)) >>
            """)
        return Data(pdf.finish(root: catalog, info: info))
    }
}
