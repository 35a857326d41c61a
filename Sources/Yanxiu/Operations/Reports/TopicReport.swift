import GRDB

/// The figures of a topic per school, county or province, with their total.
///
/// Built by walking four streams ordered by account id (enrolments, school memberships,
/// completed lessons, live certificates) side by side, so a million enrolments cost four
/// index scans and no per-teacher look-ups.
public struct TopicReport: Sendable, Equatable {
    public var topicID: String
    public var grouping: ReportGrouping
    public var rows: [ReportRow]
    public var total: ReportFigures

    /// Builds the report. `schools` limits it to these schools (an administrator's scope); nil means all.
    /// 404 `topic.unknown` when the topic does not exist.
    public static func build(_ db: Database, topicID: String, grouping: ReportGrouping, schools: Set<Int64>?) throws -> TopicReport {
        guard let rules = try String.fetchOne(db, sql: "SELECT rules FROM topic WHERE id = ?", arguments: [topicID]) else {
            throw DomainError.notFound("topic.unknown", "No topic \(topicID)")
        }
        let policy = TopicRules.stored(rules).creditPolicy
        let bySchool = try figuresBySchool(db, topicID: topicID, policy: policy, schools: schools)
        let directory = try ReportDirectory.load(db, schoolIDs: Set(bySchool.keys.compactMap { $0 }))
        var total = ReportFigures()
        for figures in bySchool.values { total.add(figures) }
        return TopicReport(topicID: topicID, grouping: grouping, rows: directory.rows(bySchool, grouping: grouping), total: total)
    }

    /// Figures per school id (nil for enrolments without a school).
    static func figuresBySchool(_ db: Database, topicID: String, policy: CreditPolicy, schools: Set<Int64>?) throws -> [Int64?: ReportFigures] {
        var streams = try ReportStreams(db, topicID: topicID)
        var figures: [Int64?: ReportFigures] = [:]
        while let teacher = try streams.next() {
            if let schools {
                guard let school = teacher.schoolID, schools.contains(school) else { continue }
            }
            figures[teacher.schoolID, default: ReportFigures()].add(teacher, policy: policy)
        }
        return figures
    }
}
