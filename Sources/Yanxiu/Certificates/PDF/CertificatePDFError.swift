/// Why a printable certificate could not be made: a font setting of the deployment,
/// not something the caller did, so the daemon logs it and answers an internal error.
public enum CertificatePDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No font paths were configured.
    case noFonts
    /// A configured font file does not exist.
    case fontMissing(path: String)
    /// A configured font file exists but is not a usable TrueType (glyf) font.
    case fontUnreadable(path: String, reason: String)
    /// None of the configured fonts can draw this character.
    case glyphMissing(character: String, fontPaths: [String])

    public var description: String {
        switch self {
        case .noFonts:
            return "no certificate fonts are configured"
        case .fontMissing(let path):
            return "certificate font \(path) does not exist (install fonts-droid-fallback and fonts-dejavu-core, or configure another TrueType font)"
        case .fontUnreadable(let path, let reason):
            return "certificate font \(path) cannot be used: \(reason)"
        case .glyphMissing(let character, let fontPaths):
            let code = character.unicodeScalars.map { scalar in
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }.joined(separator: " ")
            return "no certificate font has a glyph for \"\(character)\" (\(code)); fonts tried: \(fontPaths.joined(separator: ", "))"
        }
    }
}
