/// A validated identity-document number, normalised (upper-case letters, no
/// surrounding whitespace) so that equal documents compare equal.
///
/// Validation depends on the day it runs (a birth date may not lie in the
/// future), so the caller passes `today` from the daemon's clock.
public struct IDNumber: Sendable, Hashable, CustomStringConvertible {
    public let type: IDType
    /// The number in normal form, e.g. `44030519881231108X`.
    public let value: String

    /// Checks `number` by the rules of `type`; see `IDNumberError` for the reasons.
    ///
    /// For resident cards the checks run in the order format, region, birth date,
    /// checksum: a mistyped date breaks the checksum too, and "the birth date is
    /// wrong" helps the person more than "the check digit is wrong".
    public init(type: IDType, number: String, today: CalendarDate) throws(IDNumberError) {
        let text = AccountText.trimmed(number)
        switch type {
        case .residentCard: value = try Self.residentCard(text, today: today)
        case .passport: value = try Self.passport(text)
        case .hkMacaoPermit: value = try Self.hkMacaoPermit(text)
        case .taiwanPermit: value = try Self.taiwanPermit(text)
        case .foreignPermanentResident: value = try Self.foreignPermanentResident(text)
        case .other: value = try Self.otherDocument(text)
        }
        self.type = type
    }

    /// The form shown everywhere but to privileged operators, e.g. `37*****1234`.
    public var masked: String { Masking.idNumber(value) }

    /// Masked, so that an ID interpolated into a log line never leaks.
    public var description: String { "\(type.code) \(masked)" }
}
