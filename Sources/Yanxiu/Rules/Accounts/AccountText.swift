/// Character tests shared by the account rules.
///
/// Digits and letters are ASCII only: full-width ones typed through an input
/// method look right on screen but would not match what other systems store.
enum AccountText {
    static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 0x30 && ascii <= 0x39
    }

    static func isLetter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (ascii >= 0x41 && ascii <= 0x5A) || (ascii >= 0x61 && ascii <= 0x7A)
    }

    static func isLetterOrDigit(_ character: Character) -> Bool {
        isLetter(character) || isDigit(character)
    }

    static func digitValue(_ character: Character) -> Int? {
        isDigit(character) ? Int(character.asciiValue! - 0x30) : nil
    }

    /// Not whitespace, and no control, format (zero-width), private-use or unassigned
    /// scalar: such characters make two numbers look equal when they are not.
    static func isVisible(_ character: Character) -> Bool {
        guard !character.isWhitespace else { return false }
        return character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .privateUse, .surrogate, .unassigned: false
            default: true
            }
        }
    }

    /// Upper-cases ASCII letters only, so the result never depends on locale.
    static func asciiUppercased<S: StringProtocol>(_ text: S) -> String {
        String(text.map { character -> Character in
            guard let ascii = character.asciiValue, ascii >= 0x61, ascii <= 0x7A else { return character }
            return Character(Unicode.Scalar(ascii - 0x20))
        })
    }

    /// The text without leading and trailing whitespace (pasted numbers often carry some).
    static func trimmed(_ text: String) -> Substring {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text[start...].lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return text[start..<end]
    }
}
