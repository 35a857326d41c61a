/// A mainland China mobile phone number, kept as its 11 national digits.
///
/// Accepted spellings (after trimming surrounding whitespace):
/// - 11 digits `1[3-9]xxxxxxxxx`;
/// - the same behind a country code: `+86`, `0086`, or a bare `86` when exactly
///   13 digits are given (a bare `86` cannot be confused with a national number,
///   which always starts with `1`);
/// - single spaces or hyphens, or runs of them, between digits and after `+86`,
///   as people copy numbers from business cards: `+86 159-0000-6962`.
///
/// Everything else is rejected rather than guessed at: letters, full-width digits,
/// brackets, a trunk prefix `0`, other country codes.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// The 11 national digits, e.g. `15900006962`.
    public let digits: String

    public init(_ text: String) throws(PhoneNumberError) {
        let (hasPlus, allDigits) = try Self.digits(of: AccountText.trimmed(text))
        let national = try Self.nationalPart(of: allDigits, hasPlus: hasPlus)
        guard national.count == 11 else { throw .length }
        let leading = national.prefix(2).compactMap(AccountText.digitValue)
        guard leading[0] == 1, (3...9).contains(leading[1]) else { throw .notMobile }
        digits = String(national)
    }

    /// The form shown everywhere but to privileged operators: `159****6962`.
    public var masked: String { Masking.phoneNumber(digits) }

    /// The E.164 form an SMS gateway expects: `+8615900006962`.
    public var e164: String { "+86" + digits }

    /// Masked, so that a number interpolated into a log line never leaks.
    public var description: String { masked }

    private static func digits(of text: Substring) throws(PhoneNumberError) -> (hasPlus: Bool, digits: String) {
        var rest = text
        let hasPlus = rest.first == "+"
        if hasPlus { rest = rest.dropFirst() }
        var digits = ""
        var afterDigit = false
        var inSeparator = false
        for character in rest {
            if AccountText.isDigit(character) {
                digits.append(character)
                afterDigit = true
                inSeparator = false
            } else if character == " " || character == "-" {
                guard afterDigit || inSeparator else { throw .format }
                afterDigit = false
                inSeparator = true
            } else {
                throw .format
            }
        }
        guard !digits.isEmpty, !inSeparator else { throw .format }
        return (hasPlus, digits)
    }

    private static func nationalPart(of digits: String, hasPlus: Bool) throws(PhoneNumberError) -> Substring {
        if hasPlus {
            guard digits.hasPrefix("86") else { throw .notMainland }
            return digits.dropFirst(2)
        }
        if digits.hasPrefix("00") {
            guard digits.hasPrefix("0086") else { throw .notMainland }
            return digits.dropFirst(4)
        }
        if digits.count == 13, digits.hasPrefix("86") {
            return digits.dropFirst(2)
        }
        return Substring(digits)
    }
}
