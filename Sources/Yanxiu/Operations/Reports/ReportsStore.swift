/// The operations behind topic reports: the enrolled teachers of a topic as one stream, and
/// the schools and regions the report names. Reads answer nil (or empty) when nothing matches.
public protocol ReportsStore {
    /// A topic's credit rules (the defaults when the stored ones cannot be read), or nil when there is no such topic.
    func creditRules(topicID: String) throws -> TopicRules?

    /// Calls `body` with every enrolment of a topic, one teacher at a time in account order, with
    /// the teacher's current membership, completed lessons and live certificate. Rows stream from
    /// the engine: memory does not grow with the number of enrolments.
    func forEachTeacher(topicID: String, _ body: (ReportTeacher) throws -> Void) throws

    /// Name and county of each school of `ids` that exists.
    func schools(_ ids: Set<Int64>) throws -> [Int64: ReportDirectory.School]

    /// Every region by code.
    func regions() throws -> [String: ReportDirectory.Region]

    /// Whether a region with this code exists.
    func regionExists(code: String) throws -> Bool

    /// The codes of the regions directly below a region.
    func subregions(of code: String) throws -> [String]

    /// The ids of the schools whose county is `code`.
    func schools(inRegion code: String) throws -> [Int64]

    /// Whether a school with this id exists.
    func schoolExists(id: Int64) throws -> Bool
}
