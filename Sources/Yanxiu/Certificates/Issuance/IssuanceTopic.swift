import GRDB

/// The parts of a topic that issuance reads: its title, window and credit rules.
public struct IssuanceTopic: Sendable {
    public let id: String
    public let title: String
    public let windowStart: Int64
    public let windowEnd: Int64
    public let credit: CreditPolicy

    /// The topic, or 404 `topic.unknown`.
    static func load(_ db: Database, id: String) throws -> IssuanceTopic {
        guard let row = try Row.fetchOne(db, sql: "SELECT title, window_start, window_end, rules FROM topic WHERE id = ?", arguments: [id]) else {
            throw DomainError.notFound("topic.unknown", "No topic \(id)")
        }
        // The same reading of the rules that progress summaries use, so both agree on who qualifies.
        return IssuanceTopic(
            id: id, title: row["title"], windowStart: row["window_start"], windowEnd: row["window_end"],
            credit: TopicRules.stored(row["rules"]).creditPolicy)
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
