// Format rules for the documents that carry no checksum the daemon can verify
// (or, for the old permanent-residence card, none that is published). They are
// deliberately lenient: refusing a genuine document blocks someone's enrolment,
// while a mistyped one is caught when the school administrator verifies.
extension IDNumber {
    /// 5 to 17 letters or digits: Chinese passports are 9 (`E12345678`, `EA1234567`),
    /// other countries' range from 6 to 9 and machine-readable zones allow up to 17.
    static func passport(_ text: Substring) throws(IDNumberError) -> String {
        guard (5...17).contains(text.count), text.allSatisfy(AccountText.isLetterOrDigit) else {
            throw .format
        }
        return AccountText.asciiUppercased(text)
    }

    /// `H` (Hong Kong) or `M` (Macao) and 8 digits; older permits added a 2-digit
    /// issue count, making 10.
    static func hkMacaoPermit(_ text: Substring) throws(IDNumberError) -> String {
        let normalised = AccountText.asciiUppercased(text)
        guard let first = normalised.first, first == "H" || first == "M" else { throw .format }
        let digits = normalised.dropFirst()
        guard digits.count == 8 || digits.count == 10, digits.allSatisfy(AccountText.isDigit) else {
            throw .format
        }
        return normalised
    }

    /// 8 digits since the 2015 card; older booklets carried 10.
    static func taiwanPermit(_ text: Substring) throws(IDNumberError) -> String {
        guard text.count == 8 || text.count == 10, text.allSatisfy(AccountText.isDigit) else {
            throw .format
        }
        return String(text)
    }

    /// Old cards: 3 letters (nationality) and 12 digits. Cards issued from
    /// 2023-12-01: 18 characters starting with `9`, built like a resident identity
    /// number and closed by the same MOD 11-2 check character, which is verified.
    static func foreignPermanentResident(_ text: Substring) throws(IDNumberError) -> String {
        let characters = Array(AccountText.asciiUppercased(text))
        switch characters.count {
        case 15:
            guard characters[..<3].allSatisfy(AccountText.isLetter),
                  characters[3...].allSatisfy(AccountText.isDigit)
            else { throw .format }
        case 18:
            guard characters[0] == "9",
                  characters[..<17].allSatisfy(AccountText.isDigit),
                  AccountText.isDigit(characters[17]) || characters[17] == "X"
            else { throw .format }
            guard ResidentIDChecksum.isValid(characters) else { throw .checksum }
        default:
            throw .format
        }
        return String(characters)
    }

    /// 4 to 32 visible characters, any script (some documents number in Chinese,
    /// e.g. 军字第…号), kept as typed.
    static func otherDocument(_ text: Substring) throws(IDNumberError) -> String {
        guard (4...32).contains(text.count), text.allSatisfy(AccountText.isVisible) else {
            throw .format
        }
        return String(text)
    }
}
