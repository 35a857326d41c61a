/// One code list of the forms: the ordered choices of a field, each a stable code
/// (what forms carry) and the Chinese label people see.
public struct CodeList: Sendable, Hashable {
    /// One choice of a list; encodes as `{"code": …, "label": …}`, the wire shape of `codes.list`.
    public struct Entry: Sendable, Hashable, Codable {
        public let code: String
        public let label: String

        public init(code: String, label: String) {
            self.code = code
            self.label = label
        }
    }

    /// The form field that takes these codes, e.g. `ethnicity`.
    public let field: String
    /// The choices in the order forms show them.
    public let entries: [Entry]

    public init(field: String, entries: [Entry]) {
        self.field = field
        self.entries = entries
    }

    /// Builds a list from `code: label` pairs, keeping their order.
    public init(field: String, _ pairs: KeyValuePairs<String, String>) {
        self.init(field: field, entries: pairs.map { Entry(code: $0.key, label: $0.value) })
    }

    public var codes: [String] { entries.map(\.code) }

    /// Whether `code` is one of the choices; codes are matched exactly, case included.
    public func contains(_ code: String) -> Bool {
        entries.contains { $0.code == code }
    }

    /// The label of `code`, or nil when the list has no such code.
    public func label(for code: String) -> String? {
        entries.first { $0.code == code }?.label
    }
}
