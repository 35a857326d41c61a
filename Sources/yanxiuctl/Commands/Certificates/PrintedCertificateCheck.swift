import Foundation
import YanxiuCredentials

/// Whether a certificate PDF prints the serial and holder of the credential it carries.
///
/// What the page prints is read with poppler's `pdftotext` when it is installed (the text a
/// reader sees); otherwise from the PDF's document information, which the renderer writes
/// from the same data as the page but which is not signed, and the output says so.
struct PrintedCertificateCheck {
    var matches: Bool
    /// How the printed text was read, for the report.
    var source: String
    var detail: String?

    static let pdftotext = "/usr/bin/pdftotext"

    init(pdfPath: String, contents: CertificatePDFContents, serial: String, holder: String) {
        if let text = Self.pageText(pdfPath) {
            let compact = text.filter { !$0.isWhitespace }
            let missing = [(serial, "serial"), (holder, "holder")].filter { !compact.contains($0.0.filter { !$0.isWhitespace }) }
            matches = missing.isEmpty
            source = "the page text (pdftotext)"
            detail = missing.isEmpty ? nil : "the page does not print the credential's " + missing.map(\.1).joined(separator: " and ")
        } else {
            matches = contents.printedSerial == serial && contents.printedHolder == holder
            source = "the PDF's document information (pdftotext not installed: the page text was not read)"
            detail = matches ? nil
                : "the PDF says it prints \(contents.printedSerial ?? "no serial") for \(contents.printedHolder ?? "nobody")"
        }
    }

    private static func pageText(_ path: String) -> String? {
        guard FileManager.default.isExecutableFile(atPath: pdftotext) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdftotext)
        process.arguments = ["-enc", "UTF-8", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
