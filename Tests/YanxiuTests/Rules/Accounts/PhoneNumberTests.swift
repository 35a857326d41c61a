import Testing
import Yanxiu

private func failure(_ text: String) -> PhoneNumberError? {
    AccountsFixtures.phoneFailure(text)
}

@Suite("Mainland mobile phone numbers")
struct PhoneNumberTests {
    @Test("country codes, spaces and hyphens are normalised away", arguments: [
        "15900006962",
        "+8615900006962",
        "+86 15900006962",
        "+86 159 0000 6962",
        "+86-159-0000-6962",
        "+86 - 159 0000 6962",
        "008615900006962",
        "0086 159 0000 6962",
        "8615900006962",
        "86 159 0000 6962",
        "159 0000 6962",
        "159-0000-6962",
        "159  0000  6962",
        "  15900006962  ",
        "\t15900006962\n",
    ])
    func normalises(text: String) throws {
        #expect(try PhoneNumber(text).digits == "15900006962")
    }

    @Test("every second digit from 3 to 9 is a mobile prefix", arguments: Array(3...9))
    func mobilePrefixes(second: Int) throws {
        let text = "1\(second)012345678"
        #expect(try PhoneNumber(text).digits == text)
    }

    @Test("a second digit of 0, 1 or 2, or a first digit other than 1, is not a mobile number", arguments: [
        "10012345678", "11012345678", "12012345678", "25900006962", "01012345678", "+86 12012345678", "0086 91234567890",
    ])
    func notMobile(text: String) {
        #expect(failure(text) == .notMobile)
    }

    @Test("national numbers of 10 or 12 digits, or mainland numbers of the wrong length, are length errors", arguments: [
        "1590000696",         // 10 digits
        "159000069621",       // 12 digits
        "1",
        "+86 159000069",      // +86 and 9 digits
        "+86 159000069621",   // +86 and 12 digits
        "0086 1590000696",    // 0086 and 10 digits
        "86 1590000696",      // 12 digits starting with 86 are not a country code
        "015900006962",       // a trunk prefix 0 is not used for mobiles
        "+86",
    ])
    func wrongLength(text: String) {
        #expect(failure(text) == .length)
    }

    @Test("other country codes are not mainland numbers", arguments: [
        "+1 415 555 0100", "+852 9123 4567", "+853 6612 3456", "+886 912 345 678", "001 415 555 0100",
        "0085291234567", "+0086 15900006962",
    ])
    func notMainland(text: String) {
        #expect(failure(text) == .notMainland)
    }

    @Test("letters, other punctuation, full-width digits and misplaced separators are format errors", arguments: [
        "",
        "   ",
        "159O0006962",          // letter O for zero
        "phone",
        "+",
        "++8615900006962",
        "+ 86 15900006962",
        "-15900006962",
        "15900006962-",
        "159_0000_6962",
        "159.0000.6962",
        "(+86) 15900006962",
        "+86(159)00006962",
        "１５９００００６９６２",
        "15900006962+",
        "159\u{00A0}0000\u{00A0}6962", // no-break spaces
    ])
    func malformed(text: String) {
        #expect(failure(text) == .format)
    }

    @Test("the masked form keeps the first 3 and last 4 digits, as in the manual")
    func masked() throws {
        let number = try PhoneNumber("+86 159 0000 6962")
        #expect(number.masked == "159****6962")
        #expect(number.description == "159****6962")
        #expect(!"\(number)".contains("15900006962"))
    }

    @Test("the E.164 form adds +86")
    func e164() throws {
        #expect(try PhoneNumber("159-0000-6962").e164 == "+8615900006962")
    }

    @Test("differently written copies of one number are equal")
    func equality() throws {
        #expect(try PhoneNumber("+86 159 0000 6962") == PhoneNumber("15900006962"))
        #expect(try PhoneNumber("15900006962") != PhoneNumber("15900006963"))
    }

    @Test("error reasons are the stable strings callers match")
    func reasons() {
        #expect(PhoneNumberError.allCases.map(\.reason) == ["format", "length", "notMainland", "notMobile"])
    }
}
