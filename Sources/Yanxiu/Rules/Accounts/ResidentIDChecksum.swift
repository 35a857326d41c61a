/// The ISO 7064 MOD 11-2 check character of GB 11643-1999 identity numbers.
///
/// Resident identity cards and the 2023 foreign permanent residence card share it.
/// It catches every single-digit error and every swap of two adjacent digits,
/// which is why a failed check is reported on its own (`checksum`) rather than as
/// a generic format error: the number was almost certainly mistyped.
enum ResidentIDChecksum {
    /// 2^(18-i) mod 11 for positions 1...17, as the standard defines them.
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// Indexed by the weighted sum mod 11; 10 is written `X`.
    static let checkCharacters = Array("10X98765432")

    /// The check character for 17 ASCII digits, or nil for anything else.
    static func checkCharacter<Body: Collection<Character>>(for body: Body) -> Character? {
        guard body.count == weights.count else { return nil }
        var sum = 0
        for (character, weight) in zip(body, weights) {
            guard let digit = AccountText.digitValue(character) else { return nil }
            sum += digit * weight
        }
        return checkCharacters[sum % 11]
    }

    /// Whether 18 characters end in the check character their first 17 digits call for.
    static func isValid(_ characters: [Character]) -> Bool {
        guard characters.count == 18 else { return false }
        return checkCharacter(for: characters[..<17]) == characters[17]
    }
}
