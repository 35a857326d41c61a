/// The rule a new password must meet: a length in characters, and at least one
/// ASCII letter and one ASCII digit.
///
/// Length counts `Character`s (what a person sees), not bytes, so a password of
/// Chinese characters or emoji is measured the way its owner typed it. Any other
/// character is allowed; only the letter and digit must be ASCII, because the
/// platform's rule is about what every keyboard can type.
public struct PasswordPolicy: Sendable, Hashable {
    /// The registration rule of the platform: 8 to 64 characters.
    public static let standard = PasswordPolicy(lengths: 8...64)

    public let lengths: ClosedRange<Int>

    public init(lengths: ClosedRange<Int>) {
        precondition(lengths.lowerBound >= 1, "a password policy must require at least one character")
        self.lengths = lengths
    }

    /// Throws the first rule the password breaks: length before composition.
    public func check(_ password: String) throws(PasswordError) {
        if let violation = violation(of: password) { throw violation }
    }

    /// The first rule the password breaks, or nil when it is acceptable.
    public func violation(of password: String) -> PasswordError? {
        // Counting stops just past the limit: a request line may be a mebibyte long.
        let count = password.prefix(lengths.upperBound + 1).count
        if count < lengths.lowerBound { return .tooShort }
        if count > lengths.upperBound { return .tooLong }
        guard password.contains(where: AccountText.isLetter),
              password.contains(where: AccountText.isDigit)
        else { return .needsLetterAndDigit }
        return nil
    }

    /// Whether the password meets the rule.
    public func accepts(_ password: String) -> Bool {
        violation(of: password) == nil
    }
}
