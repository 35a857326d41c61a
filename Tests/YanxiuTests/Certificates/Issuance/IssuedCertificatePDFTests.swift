import Foundation
import Testing
@testable import Yanxiu

/// An issued certificate printed: poppler draws ink and extracts the teacher's name.
@Suite("Printed issued certificates")
struct IssuedCertificatePDFTests {
    @Test("the PDF of an issued certificate renders to a non-blank page and its text holds the teacher's name and serial")
    func printedCertificate() async throws {
        let (fixture, record) = try await CertificateVerificationTests.issued()
        defer { fixture.cleanUp() }
        let print = try #require(CertificatePrintData(document: record.document))
        let pdf = try CertificatePDFRenderer().render(print)
        let directory = try CertificateSamples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("\(record.serial.compact).pdf").path
        try pdf.write(to: URL(fileURLWithPath: path))

        let text = try Poppler.run("pdftotext", ["-enc", "UTF-8", path, "-"])
        #expect(text.status == 0)
        let words = text.text.filter { !$0.isWhitespace }
        #expect(words.contains("王小明"))
        #expect(words.contains(record.serial.description))
        #expect(words.contains("认定学时18学时"))
        // The school by its own name; the region on a line of its own, not run into it.
        #expect(words.contains("王小明同志（海淀区示例第一小学）"))
        #expect(words.contains("所在地区：北京市海淀区"))
        #expect(!words.contains("北京市海淀区海淀区示例第一小学"))

        let image = try Poppler.run("pdftoppm", ["-gray", "-r", "40", "-singlefile", path])
        #expect(image.status == 0)
        let page = try #require(GreyImage(pgm: image.standardOutput))
        #expect(page.width > page.height, "landscape")
        #expect(page.inkCoverage() > 0.01, "the page is blank")
    }
}
