/// Every code list the forms use, in one place, in the order `codes.list` presents them.
///
/// Codes are stable: English lowerCamelCase keys for the platform's own lists, and
/// the numeric codes of the national standard where one exists (gender GB/T 2261.1,
/// ethnicity GB/T 3304, political status GB/T 4762), because data exchanged with
/// education authorities carries those numbers. Labels may be reworded; codes never change.
public enum CodeLists {
    /// All lists, keyed by their `field`, in presentation order.
    public static let all: [CodeList] = [
        identity, teacherType, idType, title, stage, subject,
        gender, ethnicity, politicalStatus, education, itAbility,
    ]

    private static let byField: [String: CodeList] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.field, $0) }
    )

    /// The field names that take codes, in presentation order.
    public static var fields: [String] { all.map(\.field) }

    /// The list of a form field, or nil when the field takes no code.
    public static func list(field: String) -> CodeList? {
        byField[field]
    }

    /// Whether `code` is a valid choice for `field`; false for unknown fields.
    public static func contains(field: String, code: String) -> Bool {
        byField[field]?.contains(code) ?? false
    }

    /// The label of `code` in the list of `field`, or nil when either is unknown.
    public static func label(field: String, code: String) -> String? {
        byField[field]?.label(for: code)
    }
}
