/// Why a text is not a mainland mobile number.
///
/// The raw values are the stable `reason` strings callers see in `data.fields`;
/// never rename them.
public enum PhoneNumberError: String, Error, Sendable, Hashable, CaseIterable {
    /// Empty, or characters other than digits, spaces, hyphens and one leading `+`,
    /// or a separator that does not sit between two digits.
    case format = "format"
    /// A mainland number, but not 11 digits once the country code is removed.
    case length = "length"
    /// An international number whose country code is not 86.
    case notMainland = "notMainland"
    /// Eleven digits that are not a mobile number (must match `1[3-9]` then nine digits).
    case notMobile = "notMobile"

    public var reason: String { rawValue }
}
