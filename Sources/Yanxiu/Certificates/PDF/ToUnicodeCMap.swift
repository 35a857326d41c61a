/// The ToUnicode CMap of a font (Adobe technical note 5411): maps each 2-byte CID
/// back to UTF-16, which is what makes the Chinese text extractable and searchable.
enum ToUnicodeCMap {
    /// A `bfchar` block may hold at most 100 mappings.
    private static let blockLimit = 100

    static func text(_ mappings: [UInt16: Unicode.Scalar]) -> String {
        var lines = [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            "<0000> <FFFF>",
            "endcodespacerange",
        ]
        let sorted = mappings.sorted { $0.key < $1.key }
        for start in stride(from: 0, to: sorted.count, by: blockLimit) {
            let block = sorted[start..<min(start + blockLimit, sorted.count)]
            lines.append("\(block.count) beginbfchar")
            for (cid, scalar) in block {
                // Characters beyond the BMP become a surrogate pair, as UTF-16 demands.
                let utf16 = String(Character(scalar)).utf16.map(PDFSyntax.hex4).joined()
                lines.append("<\(PDFSyntax.hex4(cid))> <\(utf16)>")
            }
            lines.append("endbfchar")
        }
        lines += [
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
