import Crypto
import Foundation
import JSONRPC
import Testing

/// What a reader of the printed certificate sees: the school as people write it, where to
/// verify, and a QR code that scans back to the serial and the credential's digest.
@Suite("Printed certificate", .serialized)
struct CertificatePrintTests {
    /// Issues the seeded teacher's certificate and writes its PDF; returns the PDF's path,
    /// the serial and the attached credential's bytes (its canonical form).
    static func printed(_ daemon: LiveDaemon) throws -> (pdf: String, serial: String, credential: [UInt8]) {
        #expect(try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])["issued"] == 1)
        let rendered = try daemon.call("certificate.render", ["session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId)])
        let serial = try #require(rendered["serial"]?.stringValue)
        let pdf = try #require(rendered["pdf"]?.stringValue.flatMap { Data(base64Encoded: $0) })
        let path = daemon.directory + "/printed.pdf"
        try pdf.write(to: URL(fileURLWithPath: path))
        let saved = daemon.directory + "/attached.json"
        #expect(try run("/usr/bin/pdfdetach", ["-save", "1", "-o", saved, path]).status == 0)
        return (path, serial, Array(try #require(FileManager.default.contents(atPath: saved))))
    }

    /// The text of the page as pdftotext extracts it, without white space.
    static func pageText(_ path: String) throws -> String {
        let text = try run("/usr/bin/pdftotext", ["-enc", "UTF-8", path, "-"])
        #expect(text.status == 0)
        return text.output.filter { !$0.isWhitespace }
    }

    /// What zbarimg reads from the page rendered at 200 dpi.
    static func scan(_ path: String, in directory: String) throws -> String {
        let image = directory + "/page"
        #expect(try run("/usr/bin/pdftoppm", ["-r", "200", "-png", "-singlefile", path, image]).status == 0)
        let scanned = try runForOutput("/usr/bin/zbarimg", ["--quiet", "--raw", image + ".png"])
        #expect(scanned.status == 0, "\(scanned.output)")
        return scanned.output.trimmingCharacters(in: .newlines)
    }

    static func digest(_ credential: [UInt8]) -> String {
        Data(SHA256.hash(data: credential)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test("without a verification address: the school by its own name, the region apart, no operator command, and a QR code of serial and digest")
    func withoutAddress() throws {
        let daemon = try CertificateEndToEndTests.seededDaemon()
        defer { try? FileManager.default.removeItem(atPath: daemon.directory) }
        let (pdf, serial, credential) = try Self.printed(daemon)
        let text = try Self.pageText(pdf)
        #expect(text.contains("王小明同志（海淀区示例第一小学）参加"), "\(text)")
        #expect(!text.contains("北京市海淀区海淀区示例第一小学"), "\(text)")
        #expect(text.contains("所在地区：北京市海淀区"), "\(text)")
        #expect(!text.contains("yanxiuctl"), "\(text)")
        #expect(text.contains("证书核验网页"), "\(text)")
        let scanned = try Self.scan(pdf, in: daemon.directory)
        #expect(scanned == "\(serial) SHA-256:\(Self.digest(credential))")
    }

    @Test("with a verification address: the page's address printed, and the QR code is a link to it with serial and digest")
    func withAddress() throws {
        let directory = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = ["sample-directory": "none", "first-start-topic": "none", "verification-url": "https://yanxiu.example.cn/verify/"]
        #expect(try LiveDaemon(config: config, directory: directory).stop() == 0)
        try CertificateSeed.write(into: directory)
        let daemon = try LiveDaemon(config: config, directory: directory)
        let (pdf, serial, credential) = try Self.printed(daemon)
        let text = try Self.pageText(pdf)
        #expect(text.contains("https://yanxiu.example.cn/verify/"), "\(text)")
        #expect(text.contains("扫描右侧二维码"), "\(text)")
        let scanned = try Self.scan(pdf, in: directory)
        #expect(scanned == "https://yanxiu.example.cn/verify/?serial=\(serial)&sha256=\(Self.digest(credential))")
        // New certificates name the status list beside the page.
        let document = try JSONParser.parse(credential)
        #expect(document["credentialStatus"]?["statusListCredential"] == "https://yanxiu.example.cn/verify/status-1.json")
        #expect(daemon.stop() == 0)
    }
}
