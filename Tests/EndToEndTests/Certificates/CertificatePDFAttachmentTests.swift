import Foundation
import JSONRPC
import Testing

/// The printed PDF carries the signed credential as an attachment that other tools list
/// and extract, and `yanxiuctl certificates verify` checks a PDF by it.
@Suite("Certificate PDF attachment", .serialized)
struct CertificatePDFAttachmentTests {
    func ctl(_ daemon: LiveDaemon, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath] + arguments)
    }

    @Test("poppler's pdfdetach lists and extracts the credential; yanxiuctl verifies the PDF and catches a swapped attachment")
    func attachment() throws {
        let daemon = try CertificateEndToEndTests.seededDaemon()
        defer { try? FileManager.default.removeItem(atPath: daemon.directory) }
        #expect(try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])["issued"] == 1)
        let own = try daemon.call("certificate.get", ["session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId)])
        let serial = try #require(own["serial"]?.stringValue)
        let pdfPath = daemon.directory + "/certificate.pdf"
        #expect(try ctl(daemon, ["certificates", "render", "--serial", serial, "--out", pdfPath]).status == 0)

        let listed = try run("/usr/bin/pdfdetach", ["-list", pdfPath])
        #expect(listed.status == 0)
        #expect(listed.output.contains("1 embedded files") && listed.output.contains("\(serial.filter { $0 != "-" }).json"), "\(listed.output)")
        let saved = daemon.directory + "/saved"
        try FileManager.default.createDirectory(atPath: saved, withIntermediateDirectories: true)
        #expect(try run("/usr/bin/pdfdetach", ["-saveall", "-o", saved, pdfPath]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: saved)
        #expect(files.count == 1)
        let extracted = try #require(FileManager.default.contents(atPath: saved + "/" + (files.first ?? "")))
        #expect(try JSONParser.parse(Array(extracted)) == own["document"])

        let verified = try ctl(daemon, ["certificates", "verify", pdfPath])
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("serial and holder match the attached credential, read from the page text"), "\(verified.output)")
        #expect(verified.output.contains("issued by this platform and not revoked"), "\(verified.output)")

        // A corrected certificate gets a new serial; one certificate's PDF with the other's
        // credential attached is signed and genuine inside, yet prints another serial.
        #expect(try ctl(daemon, ["certificates", "revoke", serial, "--reason", "姓名有误"]).status == 0)
        #expect(try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])["issued"] == 1)
        let newer = try daemon.call("certificate.get", ["session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId)])
        let newSerial = try #require(newer["serial"]?.stringValue)
        let newPDF = daemon.directory + "/newer.pdf"
        #expect(try ctl(daemon, ["certificates", "render", "--serial", newSerial, "--out", newPDF]).status == 0)
        let newSaved = daemon.directory + "/newer.json"
        #expect(try run("/usr/bin/pdfdetach", ["-save", "1", "-o", newSaved, newPDF]).status == 0)
        let oldPDF = try #require(FileManager.default.contents(atPath: pdfPath))
        let oldCredential = Array(extracted)
        let newCredential = Array(try #require(FileManager.default.contents(atPath: newSaved)))
        // The shorter credential goes into the other's PDF, padded with spaces (still the same
        // JSON), so the file's offsets stay right.
        let (host, hosted, guest) = oldCredential.count >= newCredential.count
            ? (Array(oldPDF), oldCredential, newCredential)
            : (Array(try #require(FileManager.default.contents(atPath: newPDF))), newCredential, oldCredential)
        let padded = guest + [UInt8](repeating: 0x20, count: hosted.count - guest.count)
        let swapped = daemon.directory + "/swapped.pdf"
        try Data(replace(hosted, with: padded, in: host)).write(to: URL(fileURLWithPath: swapped))
        let mismatch = try ctl(daemon, ["certificates", "verify", "--offline", swapped])
        #expect(mismatch.status == 1, "\(mismatch.output)")
        #expect(mismatch.output.contains("MISMATCH (pdf.mismatch): the page does not print the credential's serial"), "\(mismatch.output)")
        #expect(mismatch.output.contains("signature:   valid"), "\(mismatch.output)")

        let truncated = daemon.directory + "/truncated.pdf"
        try Data(oldPDF.prefix(oldPDF.count / 2)).write(to: URL(fileURLWithPath: truncated))
        let cut = try ctl(daemon, ["certificates", "verify", truncated])
        #expect(cut.status == 65, "\(cut.output)")
    }

    private func replace(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for start in 0...(bytes.count - old.count) where bytes[start..<(start + old.count)].elementsEqual(old) {
            result.replaceSubrange(start..<(start + old.count), with: new)
            return result
        }
        Issue.record("the credential was not found in the PDF")
        return result
    }
}
