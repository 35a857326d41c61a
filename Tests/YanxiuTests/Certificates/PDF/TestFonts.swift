import Foundation
@testable import Yanxiu

/// The Debian fonts the renderer uses by default, loaded once for the unit tests.
enum TestFonts {
    static let droidPath = CertificatePDFRenderer.defaultFontPaths[0]
    static let dejaVuPath = CertificatePDFRenderer.defaultFontPaths[1]

    static let droid: TrueTypeFont? = load(droidPath)
    static let dejaVu: TrueTypeFont? = load(dejaVuPath)

    /// Both fonts, or an error naming the missing one: `script/setup` installs them, so a
    /// missing font fails the tests rather than skipping them.
    static var stack: FontStack {
        get throws {
            guard let droid else { throw CertificatePDFError.fontMissing(path: droidPath) }
            guard let dejaVu else { throw CertificatePDFError.fontMissing(path: dejaVuPath) }
            return FontStack(fonts: [droid, dejaVu])
        }
    }

    private static func load(_ path: String) -> TrueTypeFont? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? TrueTypeFont(bytes: [UInt8](data), path: path)
    }

    /// The same font wrapped as the only face of a TrueType collection (.ttc): a
    /// 16-byte collection header in front, every table offset moved along by it.
    static func collection(wrapping path: String) throws -> [UInt8] {
        var font = [UInt8](FileManager.default.contents(atPath: path)!)
        let tableCount = Int(font[4]) << 8 | Int(font[5])
        let shift = 16
        for index in 0..<tableCount {
            let at = 12 + index * 16 + 8
            let offset = font[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } + shift
            for byte in 0..<4 { font[at + byte] = UInt8((offset >> (24 - 8 * byte)) & 0xFF) }
        }
        return Array("ttcf".utf8) + [0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, UInt8(shift)] + font
    }
}
