import Testing
import Yanxiu

private let today = AccountsFixtures.today
private func failure(_ type: IDType, _ number: String) -> IDNumberError? {
    AccountsFixtures.idFailure(type, number)
}
private func normalised(_ type: IDType, _ number: String) throws -> String {
    try IDNumber(type: type, number: number, today: today).value
}

@Suite("Passport, permit and other document numbers")
struct IDDocumentTests {
    @Test("passports: 5 to 17 letters or digits, letters upper-cased", arguments: [
        ("E12345678", "E12345678"),
        ("ea1234567", "EA1234567"),
        ("G12345678", "G12345678"),
        ("12345", "12345"),
        ("C01X00T47", "C01X00T47"),
        ("A1234567890123456", "A1234567890123456"),
        (" 533380006 ", "533380006"),
    ])
    func validPassports(input: String, expected: String) throws {
        #expect(try normalised(.passport, input) == expected)
    }

    @Test("malformed passports are reported as format", arguments: [
        "", "1234", "A12345678901234567", "E1234 5678", "E123-45678", "护照1234567", "Ｅ12345678",
    ])
    func invalidPassports(input: String) {
        #expect(failure(.passport, input) == .format)
    }

    @Test("Hong Kong and Macao permits: H or M and 8 or 10 digits", arguments: [
        ("H12345678", "H12345678"),
        ("M87654321", "M87654321"),
        ("h1234567801", "H1234567801"),
        ("m8765432102", "M8765432102"),
    ])
    func validHKMacaoPermits(input: String, expected: String) throws {
        #expect(try normalised(.hkMacaoPermit, input) == expected)
    }

    @Test("malformed Hong Kong and Macao permits are reported as format", arguments: [
        "", "H1234567", "H123456789", "H12345678901", "A12345678", "12345678", "H1234567X", "HM1234567", "H 12345678",
    ])
    func invalidHKMacaoPermits(input: String) {
        #expect(failure(.hkMacaoPermit, input) == .format)
    }

    @Test("Taiwan permits: 8 or 10 digits", arguments: ["12345678", "1234567890", "00000001"])
    func validTaiwanPermits(input: String) throws {
        #expect(try normalised(.taiwanPermit, input) == input)
    }

    @Test("malformed Taiwan permits are reported as format", arguments: [
        "", "1234567", "123456789", "12345678901", "1234567A", "T12345678",
    ])
    func invalidTaiwanPermits(input: String) {
        #expect(failure(.taiwanPermit, input) == .format)
    }

    @Test("foreign permanent residence cards: old 3 letters and 12 digits, new 18 digits from 9", arguments: [
        ("USA110060501011", "USA110060501011"),
        ("can330085120400", "CAN330085120400"),
        ("911840198001010013", "911840198001010013"),
        ("911156200102030024", "911156200102030024"),
    ])
    func validForeignCards(input: String, expected: String) throws {
        #expect(try normalised(.foreignPermanentResident, input) == expected)
    }

    @Test("a new foreign card whose check character does not match is reported as checksum")
    func foreignChecksum() {
        #expect(failure(.foreignPermanentResident, "911840198001010014") == .checksum)
        #expect(failure(.foreignPermanentResident, "91184019800101001X") == .checksum)
        #expect(failure(.foreignPermanentResident, "911840198001100013") == .checksum)
    }

    @Test("malformed foreign cards are reported as format", arguments: [
        "",
        "US1110060501011",     // two letters
        "USAB10060501011",     // four letters
        "USA11006050101",      // 14 characters
        "USA1100605010112",    // 16 characters
        "110101199003071081",  // a citizen's number: new foreign cards start with 9
        "91184019800101001",   // 17 digits
        "9118401980010100X3",  // X inside
    ])
    func invalidForeignCards(input: String) {
        #expect(failure(.foreignPermanentResident, input) == .format)
    }

    @Test("other documents: 4 to 32 visible characters in any script, kept as typed", arguments: [
        "军字第123456号", "ab-12", "AbCd", String(repeating: "9", count: 32),
    ])
    func validOtherDocuments(input: String) throws {
        #expect(try normalised(.other, input) == input)
    }

    @Test("other documents that are too short, too long or hold invisible characters are reported as format", arguments: [
        "", "abc", String(repeating: "9", count: 33), "AB CD", "AB\u{200B}CD", "ABCD\u{7}", "AB\tCD",
    ])
    func invalidOtherDocuments(input: String) {
        #expect(failure(.other, input) == .format)
    }

    @Test("a resident card number is not accepted as a Taiwan permit or a passport of 18 characters")
    func typesAreNotInterchangeable() {
        #expect(failure(.taiwanPermit, "110101199003071081") == .format)
        #expect(failure(.passport, "110101199003071081") == .format)
        #expect(failure(.hkMacaoPermit, "110101199003071081") == .format)
    }

    @Test("birth date and gender code exist only for resident cards")
    func factsOnlyForResidentCards() throws {
        let foreign = try IDNumber(type: .foreignPermanentResident, number: "911840198001010013", today: today)
        #expect(foreign.birthDate == nil)
        #expect(foreign.genderCode == nil)
        let passport = try IDNumber(type: .passport, number: "E12345678", today: today)
        #expect(passport.birthDate == nil)
    }

    @Test("masked document numbers keep less of shorter numbers", arguments: [
        (IDType.passport, "E12345678", "E*****78"),
        (.passport, "12345", "1*****5"),
        (.hkMacaoPermit, "H1234567801", "H*****01"),
        (.taiwanPermit, "12345678", "1*****78"),
        (.foreignPermanentResident, "USA110060501011", "US*****1011"),
        (.foreignPermanentResident, "911840198001010013", "91*****0013"),
        (.other, "军字第123456号", "军*****6号"),
    ])
    func masked(type: IDType, input: String, expected: String) throws {
        #expect(try IDNumber(type: type, number: input, today: today).masked == expected)
    }

    @Test("ID types have stable codes and Chinese labels")
    func idTypeCodes() {
        #expect(IDType.allCases.map(\.code) == [
            "residentCard", "passport", "hkMacaoPermit", "taiwanPermit", "foreignPermanentResident", "other",
        ])
        #expect(IDType.residentCard.label == "居民身份证")
        #expect(IDType.hkMacaoPermit.label == "港澳居民来往内地通行证")
        #expect(IDType.taiwanPermit.label == "台湾居民来往大陆通行证")
        #expect(IDType.foreignPermanentResident.label == "外国人永久居留身份证")
    }

    @Test("error reasons are the stable strings callers match")
    func reasons() {
        #expect(IDNumberError.allCases.map(\.reason) == ["format", "checksum", "birthDate", "region"])
    }
}
