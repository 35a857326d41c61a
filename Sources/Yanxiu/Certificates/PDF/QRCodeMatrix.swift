import CQRencode

/// The modules of a QR code, made by libqrencode (Debian `libqrencode-dev`).
struct QRCodeMatrix: Sendable, Equatable {
    /// Modules per side.
    let size: Int
    /// Row-major from the top-left module; true is dark.
    let dark: [Bool]

    struct EncodingFailed: Error, CustomStringConvertible {
        let text: String
        var description: String { "libqrencode could not encode \(text.utf8.count) bytes" }
    }

    /// Encodes `text` as bytes (UTF-8), at error correction level M (15 % of the symbol
    /// may be damaged), in the smallest version that holds it.
    init(text: String) throws {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { throw EncodingFailed(text: text) }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        // Bit 0 of each byte is the module's colour; the other bits describe its role.
        dark = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    func isDark(row: Int, column: Int) -> Bool { dark[row * size + column] }
}
