import JSONValues

/// What one run of `certificate.issue` did.
public struct IssuanceReport: Sendable, Equatable {
    public var topicId: String
    public var enrolled = 0
    /// Certificates signed and stored by this run.
    public var issued = 0
    /// Teachers who held a live certificate before, or got one from a run alongside this one.
    public var alreadyHeld = 0
    /// Enrolled teachers who do not qualify, by reason (`credit.no_verified_role`, …).
    public var notQualified: [String: Int] = [:]
    public var elapsedMs: Int64 = 0

    public init(topicId: String) { self.topicId = topicId }

    /// `notQualified` as the audit line records it, reasons in order.
    var notQualifiedJSON: JSONValue {
        .object(JSONObject(notQualified.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: .int($0.value)) }))
    }
}
