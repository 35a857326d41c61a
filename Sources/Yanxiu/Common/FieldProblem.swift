/// One invalid field of a request or document: its path and why it is wrong
/// (`required`, `type`, `not_in_list`, …).
public struct FieldProblem: Sendable, Equatable {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
}
