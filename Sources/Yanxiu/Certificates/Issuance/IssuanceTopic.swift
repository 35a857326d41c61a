/// The parts of a topic that issuance reads: its title, window and credit rules.
public struct IssuanceTopic: Sendable {
    public let id: String
    public let title: String
    public let windowStart: Int64
    public let windowEnd: Int64
    public let credit: CreditPolicy

    /// The topic, or 404 `topic.unknown`.
    static func load(_ certificates: any CertificatesStore, id: String) throws -> IssuanceTopic {
        guard let record = try certificates.issuanceTopic(id) else {
            throw DomainError.notFound("topic.unknown", "No topic \(id)")
        }
        // The same reading of the rules that progress summaries use, so both agree on who qualifies.
        return IssuanceTopic(
            id: id, title: record.title, windowStart: record.windowStart, windowEnd: record.windowEnd,
            credit: TopicRules.stored(record.rules).creditPolicy)
    }

    /// 412 `topic.window_open` until the window has closed: certificates come after it.
    func requireClosed(at now: Int64) throws {
        guard now >= windowEnd else {
            throw DomainError.precondition(
                "topic.window_open", "The training window of \(id) has not closed; certificates are issued after it",
                data: ["windowEnd": .string(Timestamp.formatCST(windowEnd))])
        }
    }
}
