/// A file carried inside the PDF as an attachment, the way PDF/A-3 associates source data
/// with a document: an embedded file stream, its file specification listed in the catalog's
/// `/Names /EmbeddedFiles` (which viewers show as attachments) and in `/AF` with the
/// relationship `/Data`. The stream is stored uncompressed so that simple readers, such as
/// the verification page under `contrib/verify/`, can take it out without inflating it.
public struct PDFAttachment: Sendable, Hashable {
    /// ASCII letters, digits, `-`, `_` and `.` only: the name is written as a PDF literal string.
    public var fileName: String
    /// e.g. `application/json`.
    public var mediaType: String
    public var description: String
    public var bytes: [UInt8]

    public init(fileName: String, mediaType: String, description: String, bytes: [UInt8]) {
        precondition(fileName.utf8.allSatisfy(Self.isNameByte), "attachment file names are plain ASCII")
        self.fileName = fileName
        self.mediaType = mediaType
        self.description = description
        self.bytes = bytes
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == 0x2D || byte == 0x5F || byte == 0x2E
    }

    /// Writes the embedded file and its file specification; returns the specification's number.
    func write(to pdf: inout PDFWriter) -> Int {
        let stream = pdf.reserve()
        let specification = pdf.reserve()
        // A name object spells '/' as #2F.
        let subtype = mediaType.replacingOccurrences(of: "/", with: "#2F")
        pdf.write(stream, stream: bytes, entries: "/Type /EmbeddedFile /Subtype /\(subtype) /Params << /Size \(bytes.count) >>")
        pdf.write(specification, """
            << /Type /Filespec /F (\(fileName)) /UF \(PDFSyntax.textString(fileName)) \
            /Desc \(PDFSyntax.textString(description)) /AFRelationship /Data \
            /EF << /F \(stream) 0 R /UF \(stream) 0 R >> >>
            """)
        return specification
    }
}
