extension IDNumber {
    /// First two digits of the address code: the GB/T 2260 provinces, 71 Taiwan,
    /// 81 Hong Kong and 82 Macao (residence cards of people from there use them),
    /// and 91, which the programme's rules accept too (older validators call it 国外).
    static let provinceCodes: Set<String> = [
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82", "91",
    ]

    /// No card holder alive was born earlier; older dates are typing errors.
    static let earliestBirthDate = CalendarDate(year: 1900, month: 1, day: 1)!

    /// The birth date a resident card number encodes (positions 7-14); nil for other types.
    public var birthDate: CalendarDate? {
        guard type == .residentCard else { return nil }
        return CalendarDate(compact: value.dropFirst(6).prefix(8))
    }

    /// The GB/T 2261.1 gender code a resident card number encodes in its 17th digit
    /// (odd `1` male, even `2` female); nil for other types. Forms may compare it with
    /// the gender a person declares.
    public var genderCode: String? {
        guard type == .residentCard,
              let digit = value.dropFirst(16).first.flatMap(AccountText.digitValue)
        else { return nil }
        return digit % 2 == 1 ? "1" : "2"
    }

    /// The 15-digit first-generation numbers are refused: those cards expired in 2013.
    static func residentCard(_ text: Substring, today: CalendarDate) throws(IDNumberError) -> String {
        guard text.count == 18 else { throw .format }
        let characters = Array(AccountText.asciiUppercased(text))
        guard characters[..<17].allSatisfy(AccountText.isDigit),
              AccountText.isDigit(characters[17]) || characters[17] == "X"
        else { throw .format }
        guard provinceCodes.contains(String(characters[0..<2])) else { throw .region }
        guard let birth = CalendarDate(compact: String(characters[6..<14])),
              birth >= earliestBirthDate, birth <= today
        else { throw .birthDate }
        guard ResidentIDChecksum.isValid(characters) else { throw .checksum }
        return String(characters)
    }
}
