/// A validation failure of progress input: every bad field with why it is bad.
///
/// The caller turns it into JSON-RPC -32602 with `data.fields`
/// (`[{"field": "positionMs", "reason": "out_of_range"}]`).
public struct InvalidProgressParams: Error, Sendable, Hashable {
    /// One bad field: a path such as `answers[2].choices[0]` and a stable reason key.
    public struct Field: Sendable, Hashable {
        public var field: String
        public var reason: String

        public init(field: String, reason: String) {
            self.field = field
            self.reason = reason
        }
    }

    public var fields: [Field]

    public init(fields: [Field]) {
        self.fields = fields
    }

    /// The stable `data.reason` of the error.
    public var reason: String { "params.invalid" }
}
