/// What a certificate PDF of ours carries besides the page: the attached credential and
/// what the document information says the page prints (serial and holder).
///
/// Reads the files `CertificatePDFRenderer` writes (uncompressed embedded file, hex text
/// strings in the information dictionary). It is no general PDF parser: a PDF re-saved by
/// another program may compress the attachment and is then reported as such.
public struct CertificatePDFContents: Sendable, Equatable {
    /// The bytes of the first embedded file.
    public var attachment: [UInt8]
    /// `/CertificateSerial` and `/CertificateHolder` of the document information, when present.
    public var printedSerial: String?
    public var printedHolder: String?

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notPDF
        case noAttachment
        case compressedAttachment
        case truncated

        public var description: String {
            switch self {
            case .notPDF: "the file is not a PDF"
            case .noAttachment: "the PDF carries no attached certificate file"
            case .compressedAttachment: "the attached file is compressed (the PDF was re-saved by another program)"
            case .truncated: "the PDF is cut short: its attached file is incomplete"
            }
        }
    }

    public static func isPDF(_ bytes: [UInt8]) -> Bool { bytes.starts(with: Array("%PDF-".utf8)) }

    public init(pdf bytes: [UInt8]) throws(Failure) {
        guard Self.isPDF(bytes) else { throw .notPDF }
        guard let marker = Self.find(Array("/Type /EmbeddedFile".utf8), in: bytes, from: 0, excludingNext: UInt8(ascii: "s")) else {
            throw .noAttachment
        }
        // The stream's dictionary runs from its object header to the `stream` keyword.
        let start = Self.findLast(Array(" obj".utf8), in: bytes, before: marker) ?? 0
        guard let keyword = Self.find(Array("stream".utf8), in: bytes, from: marker) else { throw .truncated }
        let dictionary = String(decoding: bytes[start..<keyword], as: UTF8.self)
        if dictionary.contains("/Filter") { throw .compressedAttachment }
        guard let length = Self.integer(after: "/Length", in: dictionary) else { throw .truncated }
        var dataStart = keyword + 6
        if dataStart < bytes.count, bytes[dataStart] == 0x0D { dataStart += 1 }
        if dataStart < bytes.count, bytes[dataStart] == 0x0A { dataStart += 1 }
        guard length >= 0, dataStart + length <= bytes.count else { throw .truncated }
        attachment = Array(bytes[dataStart..<(dataStart + length)])
        printedSerial = Self.hexTextString(after: "/CertificateSerial", in: bytes)
        printedHolder = Self.hexTextString(after: "/CertificateHolder", in: bytes)
    }

    /// The first offset of `needle` at or after `from`; with `excludingNext`, a match followed
    /// by that byte is skipped (so `/EmbeddedFile` does not match `/EmbeddedFiles`).
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, excludingNext: UInt8? = nil) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = from
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                let next = index + needle.count < bytes.count ? bytes[index + needle.count] : nil
                if excludingNext == nil || next != excludingNext { return index }
            }
            index += 1
        }
        return nil
    }

    static func findLast(_ needle: [UInt8], in bytes: [UInt8], before end: Int) -> Int? {
        var index = end - needle.count
        while index >= 0 {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    static func integer(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key + " ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// A text string written as `<FEFF…>` (UTF-16BE) after `key`.
    static func hexTextString(after key: String, in bytes: [UInt8]) -> String? {
        guard let at = find(Array((key + " <").utf8), in: bytes, from: 0) else { return nil }
        let start = at + key.utf8.count + 2
        guard let end = find([UInt8(ascii: ">")], in: bytes, from: start) else { return nil }
        let hex = Array(bytes[start..<end])
        guard hex.count % 4 == 0, hex.count >= 4 else { return nil }
        var units: [UInt16] = []
        for offset in stride(from: 0, to: hex.count, by: 4) {
            guard let unit = UInt16(String(decoding: hex[offset..<(offset + 4)], as: UTF8.self), radix: 16) else { return nil }
            units.append(unit)
        }
        guard units.first == 0xFEFF else { return nil }
        return String(decoding: units.dropFirst(), as: UTF16.self)
    }
}
