import Foundation
import Testing
@testable import Yanxiu

/// The certificate as poppler, the PDF engine of most Linux viewers, reads and draws it.
@Suite
struct CertificatePDFRenderingTests {
    let renderer: CertificatePDFRenderer
    let directory: URL

    init() throws {
        renderer = try CertificatePDFRenderer()
        directory = try CertificateSamples.temporaryDirectory()
    }

    private func renderFile(_ certificate: CertificatePrintData = CertificateSamples.demo) throws -> String {
        let url = directory.appendingPathComponent("certificate-\(UUID().uuidString).pdf")
        try renderer.render(certificate).write(to: url)
        return url.path
    }

    /// Extracted text without the spaces and line breaks that layout puts in.
    private func extractedText(_ path: String) throws -> String {
        let output = try Poppler.run("pdftotext", ["-enc", "UTF-8", path, "-"])
        #expect(output.status == 0)
        #expect(output.standardError.isEmpty, "poppler complained: \(output.standardError)")
        return output.text.filter { !$0.isWhitespace }
    }

    @Test("the school by its own name; a county's placeholder school (其他) by the region")
    func affiliation() {
        var certificate = CertificateSamples.demo
        certificate.schoolName = "北京市第二中学"
        certificate.regionName = "北京市东城区"
        #expect(certificate.statement.hasPrefix("王小明同志（北京市第二中学）参加"))
        certificate.schoolName = "其他"
        #expect(certificate.statement.hasPrefix("王小明同志（北京市东城区）参加"))
    }

    @Test func extractedTextHoldsEveryPrintedField() throws {
        let text = try extractedText(try renderFile())
        let demo = CertificateSamples.demo
        #expect(text.contains("学习证书"))
        #expect(text.contains("王小明同志（海淀区示例第一小学）"))
        #expect(text.contains("所在地区：北京市"))
        #expect(text.contains("参加“心理健康教育教师培训”专题研修"))
        #expect(text.contains("认定学时18学时"))
        #expect(text.contains("研修时间：2023年1月9日至2023年2月28日"))
        #expect(text.contains("证书编号：YX23-7K4M-9Q2P-H"))
        #expect(text.contains(demo.verificationHint.filter { !$0.isWhitespace }))
        #expect(text.contains("国家中小学智慧教育平台"))
        #expect(text.contains("2023年3月1日"))
        #expect(!text.contains("样例"), "a real certificate carries no sample mark")
    }

    @Test func sampleCopyIsMarkedAsSample() throws {
        let text = try extractedText(try renderFile(CertificateSamples.sample))
        #expect(text.contains("例"))
        #expect(text.contains("样"))
        #expect(text.contains("王小明"))
    }

    @Test func pageIsOneA4LandscapePage() throws {
        let info = try Poppler.run("pdfinfo", [try renderFile()])
        #expect(info.status == 0)
        #expect(info.standardError.isEmpty, "poppler complained: \(info.standardError)")
        #expect(info.text.contains("Pages:           1\n"))
        #expect(info.text.contains("Page size:       842 x 595 pts (A4)"))
        #expect(info.text.contains("Title:           学习证书 王小明 YX23-7K4M-9Q2P-H"))
    }

    @Test func fontsAreEmbeddedSubsetsWithUnicodeMaps() throws {
        let output = try Poppler.run("pdffonts", [try renderFile()])
        #expect(output.status == 0)
        // Rows after the two header lines: name, type (two words), encoding, emb, sub, uni, object, generation.
        let rows = output.text.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(rows.count == 2, "the Chinese font and the Latin font: \(output.text)")
        for row in rows {
            #expect(row.count == 9, "unexpected pdffonts row \(row)")
            guard row.count == 9 else { continue }
            #expect(row[1...3] == ["CID", "TrueType", "Identity-H"])
            #expect(row[4...6] == ["yes", "yes", "yes"], "emb, sub and uni for \(row[0])")
        }
        #expect(rows.contains { $0.first?.hasSuffix("+DroidSansFallbackFull") == true })
        #expect(rows.contains { $0.first?.hasSuffix("+DejaVuSans") == true })
    }

    @Test func renderedPageIsLandscapeAndInked() throws {
        let output = try Poppler.run("pdftoppm", ["-gray", "-r", "50", "-singlefile", try renderFile()])
        #expect(output.status == 0)
        #expect(output.standardError.isEmpty, "poppler complained: \(output.standardError)")
        let image = try #require(GreyImage(pgm: output.standardOutput))
        // 842 x 595 pt at 50 dpi.
        #expect(abs(image.width - 585) <= 1 && abs(image.height - 413) <= 1, "\(image.width)x\(image.height)")
        let whole = image.inkCoverage()
        #expect(whole > 0.01 && whole < 0.2, "ink on \(whole * 100)% of the page")
        // The title and the certifying sentence are drawn, not just the border.
        #expect(image.inkCoverage(x: 0.35...0.65, y: 0.15...0.25) > 0.05, "title band is empty")
        #expect(image.inkCoverage(x: 0.15...0.85, y: 0.35...0.6) > 0.03, "body is empty")
        // Between the frame and the text the paper stays white.
        #expect(image.inkCoverage(x: 0.1...0.9, y: 0.88...0.92) == 0)
    }

    @Test func sameCertificateRendersToSameBytes() throws {
        #expect(try renderer.render(CertificateSamples.demo) == renderer.render(CertificateSamples.demo))
    }

    @Test func fileStaysSmall() throws {
        let size = try renderer.render(CertificateSamples.sample).count
        #expect(size < 100_000, "\(size) bytes")
    }
}
