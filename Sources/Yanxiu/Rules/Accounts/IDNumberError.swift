/// Why an ID number was refused.
///
/// The raw values are the stable `reason` strings callers see in `data.fields`;
/// never rename them.
public enum IDNumberError: String, Error, Sendable, Hashable, CaseIterable {
    /// Wrong length or characters for the ID type.
    case format = "format"
    /// The check character does not match the rest of the number.
    case checksum = "checksum"
    /// The embedded birth date does not exist, is before 1900 or after today.
    case birthDate = "birthDate"
    /// The address code does not start with a province code.
    case region = "region"

    public var reason: String { rawValue }
}
