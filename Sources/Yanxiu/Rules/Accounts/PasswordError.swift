/// Why a password was refused.
///
/// The raw values are the stable `reason` strings callers see in `data.fields`;
/// never rename them.
public enum PasswordError: String, Error, Sendable, Hashable, CaseIterable {
    case tooShort = "tooShort"
    case tooLong = "tooLong"
    /// Needs at least one ASCII letter and one ASCII digit.
    case needsLetterAndDigit = "needsLetterAndDigit"

    public var reason: String { rawValue }
}
