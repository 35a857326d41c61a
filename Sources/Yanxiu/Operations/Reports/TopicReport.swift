/// The figures of a topic per school, county or province, with their total.
///
/// Built from one pass over the topic's enrolled teachers in account order (`ReportsStore.forEachTeacher`:
/// enrolments, school memberships, completed lessons and live certificates walked side by side),
/// so a million enrolments cost a few index scans and no per-teacher look-ups.
public struct TopicReport: Sendable, Equatable {
    public var topicID: String
    public var grouping: ReportGrouping
    public var rows: [ReportRow]
    public var total: ReportFigures

    /// `report.topic` for a caller: `administrator` is the account whose grants limit the report
    /// (nil for an operator), narrowed to `regionCode` or `schoolID` when given. 403 `auth.forbidden`
    /// for an account that administers nothing or a narrowing outside its administration;
    /// 404 `region.unknown`, `school.unknown`, `topic.unknown`.
    public static func read(
        _ tx: any StoreTransaction, topicID: String, grouping: ReportGrouping, administrator: Int64?, regionCode: String?, schoolID: Int64?
    ) throws -> TopicReport {
        let scope = try administrator.map { account in
            do {
                return try EnrollmentScope.of(tx, accountID: account)
            } catch let error as DomainError where error.reason == "auth.forbidden" {
                throw DomainError.forbidden("Only operators and school or county administrators read reports")
            }
        }
        let schools = try ReportScope.schools(tx, administered: scope, regionCode: regionCode, schoolID: schoolID)
        return try build(tx, topicID: topicID, grouping: grouping, schools: schools)
    }

    /// Builds the report. `schools` limits it to these schools (an administrator's scope); nil means all.
    /// 404 `topic.unknown` when the topic does not exist.
    public static func build(_ tx: any StoreTransaction, topicID: String, grouping: ReportGrouping, schools: Set<Int64>?) throws -> TopicReport {
        guard let rules = try tx.reports.creditRules(topicID: topicID) else {
            throw DomainError.notFound("topic.unknown", "No topic \(topicID)")
        }
        let bySchool = try figuresBySchool(tx, topicID: topicID, policy: rules.creditPolicy, schools: schools)
        let directory = try ReportDirectory.load(tx, schoolIDs: Set(bySchool.keys.compactMap { $0 }))
        var total = ReportFigures()
        for figures in bySchool.values { total.add(figures) }
        return TopicReport(topicID: topicID, grouping: grouping, rows: directory.rows(bySchool, grouping: grouping), total: total)
    }

    /// Figures per school id (nil for enrolments without a school).
    static func figuresBySchool(_ tx: any StoreTransaction, topicID: String, policy: CreditPolicy, schools: Set<Int64>?) throws -> [Int64?: ReportFigures] {
        var figures: [Int64?: ReportFigures] = [:]
        try tx.reports.forEachTeacher(topicID: topicID) { teacher in
            if let schools {
                guard let school = teacher.schoolID, schools.contains(school) else { return }
            }
            figures[teacher.schoolID, default: ReportFigures()].add(teacher, policy: policy)
        }
        return figures
    }
}
