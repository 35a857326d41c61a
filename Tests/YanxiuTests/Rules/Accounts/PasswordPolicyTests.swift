import Testing
import Yanxiu

private let policy = PasswordPolicy.standard

@Suite("Password policy")
struct PasswordPolicyTests {
    @Test("lengths at and around the limits of 8 and 64 characters", arguments: [
        (7, PasswordError?.some(.tooShort)),
        (8, nil),
        (9, nil),
        (63, nil),
        (64, nil),
        (65, .some(.tooLong)),
    ])
    func lengthLimits(length: Int, expected: PasswordError?) {
        let password = "a1" + String(repeating: "x", count: length - 2)
        #expect(password.count == length)
        #expect(policy.violation(of: password) == expected)
        #expect(policy.accepts(password) == (expected == nil))
    }

    @Test("the empty password is too short")
    func empty() {
        #expect(policy.violation(of: "") == .tooShort)
    }

    @Test("a password needs an ASCII letter and an ASCII digit", arguments: [
        ("abcdefgh", PasswordError?.some(.needsLetterAndDigit)),           // only letters
        ("12345678", .some(.needsLetterAndDigit)),                         // only digits
        ("!@#$%^&*", .some(.needsLetterAndDigit)),                         // only symbols
        ("密码密码密码密码", .some(.needsLetterAndDigit)),                     // only Chinese characters
        ("密码密码密码12", .some(.needsLetterAndDigit)),                      // Chinese is not a letter here
        ("ａｂｃｄ１２３４", .some(.needsLetterAndDigit)),                     // full-width letters and digits
        ("ÀÉÎÕÜ123", .some(.needsLetterAndDigit)),                         // accented letters are not ASCII
        ("密码密码密码a1", nil),
        ("abcdefg1", nil),
        ("1bcdefgh", nil),
        ("pass word 1", nil),                                              // spaces are allowed
        ("Z9!@#$%^", nil),
    ])
    func composition(password: String, expected: PasswordError?) {
        #expect(policy.violation(of: password) == expected)
    }

    @Test("length counts characters, not bytes or scalars")
    func countsCharacters() {
        let chinese64 = String(repeating: "密", count: 62) + "a1"
        #expect(chinese64.utf8.count > 64)
        #expect(policy.violation(of: chinese64) == nil)
        #expect(policy.violation(of: "密" + chinese64) == .tooLong)
        // A family emoji is five scalars but one character: 1 + 7 = 8 characters.
        #expect(policy.violation(of: "👨‍👩‍👧abc1234") == nil)
        #expect(policy.violation(of: "👨‍👩‍👧abc123") == .tooShort)
    }

    @Test("length is checked before composition")
    func lengthFirst() {
        #expect(policy.violation(of: "abc") == .tooShort)
        #expect(policy.violation(of: String(repeating: "a", count: 65)) == .tooLong)
    }

    @Test("a very long password is refused as too long")
    func huge() {
        #expect(policy.violation(of: String(repeating: "a1", count: 500_000)) == .tooLong)
    }

    @Test("check throws the violation")
    func checkThrows() {
        #expect(throws: PasswordError.needsLetterAndDigit) { try policy.check("abcdefgh") }
        #expect(throws: Never.self) { try policy.check("abcdefg1") }
    }

    @Test("a policy can use other limits")
    func customLimits() {
        let strict = PasswordPolicy(lengths: 12...16)
        #expect(strict.violation(of: "abcdefghij1") == .tooShort)
        #expect(strict.violation(of: "abcdefghijk1") == nil)
        #expect(strict.violation(of: "abcdefghijklmnop1") == .tooLong)
    }

    @Test("error reasons are the stable strings callers match")
    func reasons() {
        #expect(PasswordError.allCases.map(\.reason) == ["tooShort", "tooLong", "needsLetterAndDigit"])
    }
}
