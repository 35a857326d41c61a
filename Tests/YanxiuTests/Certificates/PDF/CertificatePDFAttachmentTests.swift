import Foundation
import Testing
@testable import Yanxiu
@testable import YanxiuCredentials

/// The credential attached to the PDF, as `CertificatePDFContents` reads it back.
@Suite("Certificate PDF attachment")
struct CertificatePDFAttachmentUnitTests {
    static let credential = Array(#"{"credentialSubject":{"name":"王小明"},"id":"urn:yanxiu:certificate:YX23-7K4M-9Q2P-H"}"#.utf8)

    func rendered() throws -> [UInt8] {
        let attachment = PDFAttachment(fileName: "YX237K4M9Q2PH.json", mediaType: "application/json", description: "电子证书", bytes: Self.credential)
        return Array(try CertificatePDFRenderer().render(CertificateSamples.demo, attachment: attachment))
    }

    @Test("the attachment comes back byte for byte, with the serial and holder the document information says are printed")
    func readsBack() throws {
        let contents = try CertificatePDFContents(pdf: try rendered())
        #expect(contents.attachment == Self.credential)
        #expect(contents.printedSerial == CertificateSamples.demo.serial)
        #expect(contents.printedHolder == CertificateSamples.demo.teacherName)
    }

    @Test("a PDF without attachment, a cut one and a file that is no PDF are told apart")
    func failures() throws {
        let plain = Array(try CertificatePDFRenderer().render(CertificateSamples.demo))
        #expect(throws: CertificatePDFContents.Failure.noAttachment) { try CertificatePDFContents(pdf: plain) }
        let pdf = try rendered()
        let start = try #require(CertificatePDFContents.find(Self.credential, in: pdf, from: 0))
        #expect(throws: CertificatePDFContents.Failure.truncated) { try CertificatePDFContents(pdf: Array(pdf.prefix(start + 10))) }
        #expect(throws: CertificatePDFContents.Failure.notPDF) { try CertificatePDFContents(pdf: Self.credential) }
    }
}
