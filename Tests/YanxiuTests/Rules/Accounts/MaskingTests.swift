import Testing
import Yanxiu

@Suite("Masking of phone and ID numbers")
struct MaskingTests {
    @Test("phone numbers keep the first 3 and last 4 digits behind four stars", arguments: [
        ("15900006962", "159****6962"),
        ("13812345678", "138****5678"),
        ("1590000696", "****96"),
        ("123456", "****56"),
        ("12345", "****"),
        ("", "****"),
    ])
    func phone(input: String, expected: String) {
        #expect(Masking.phoneNumber(input) == expected)
    }

    @Test("ID numbers keep the first 2 and last 4 characters behind five stars, as the manual shows", arguments: [
        ("370000000000008123", "37*****8123"),
        ("44030519881231108X", "44*****108X"),
        ("USA110060501011", "US*****1011"),
        ("ABCDEFGHIJKL", "AB*****IJKL"),
        ("E12345678", "E*****78"),
        ("12345678", "1*****78"),
        ("H1234567801", "H*****01"),
        ("1234567", "1*****7"),
        ("ABCD", "A*****D"),
        ("ABC", "*****"),
        ("", "*****"),
    ])
    func idNumber(input: String, expected: String) {
        #expect(Masking.idNumber(input) == expected)
    }

    @Test("masks reveal at most half of an ID number shorter than 12, and 6 characters of longer ones", arguments: 0...40)
    func idRevealsLittle(length: Int) {
        let text = String(repeating: "7", count: length)
        let shown = Masking.idNumber(text).filter { $0 == "7" }.count
        #expect(shown * 2 <= length || (length >= 12 && shown == 6))
    }

    @Test("the star count does not depend on the length hidden")
    func fixedStars() {
        #expect(Masking.idNumber(String(repeating: "1", count: 18)) == "11*****1111")
        #expect(Masking.idNumber(String(repeating: "1", count: 30)) == "11*****1111")
        #expect(Masking.phoneNumber(String(repeating: "1", count: 15)) == "111****1111")
    }
}
