import GRDB

/// Lists enrolments of a topic page by page, within a caller's scope.
public enum EnrollmentQuery {
    /// One page of a listing; `nextCursor` is nil on the last page.
    public struct Page: Sendable, Equatable {
        public var records: [EnrollmentRecord]
        public var total: Int
        public var nextCursor: Int64?
    }

    public static let defaultLimit = 50
    public static let maxLimit = 500

    /// An enrolment is shown at the school its teacher is a member of now (docs/rules.md#e8: an
    /// administrator sees exactly the teachers who are members of their school); one whose
    /// teacher has no membership (removed, or not a teacher at present) at its profile's school.
    static let from = """
        FROM enrollment e
        JOIN account a ON a.id = e.account_id
        LEFT JOIN school_member m ON m.account_id = e.account_id
        LEFT JOIN school s ON s.id = coalesce(m.school_id, e.school_id)
        """

    static let select = """
        SELECT e.id, e.account_id, e.topic_id, coalesce(m.school_id, e.school_id) AS school_id, e.form, e.created_at, a.phone,
               s.name AS school_name, s.region_code, m.status, m.verified_mental_health, m.verified_homeroom
        """ + "\n" + from

    /// Enrolments of `topicID` (optionally of one school) after `cursor`, oldest first.
    /// 404 `topic.unknown`, 404 `school.unknown`, 403 `auth.forbidden` for a school outside the scope.
    public static func list(_ db: Database, topicID: String, schoolID: Int64?, scope: EnrollmentScope, cursor: Int64?, limit: Int) throws -> Page {
        _ = try Catalog.topic(db, id: topicID)
        var condition = "e.topic_id = ?"
        var arguments: StatementArguments = [topicID]
        if let schoolID {
            guard let region = try String.fetchOne(db, sql: "SELECT region_code FROM school WHERE id = ?", arguments: [schoolID]) else {
                throw DomainError.notFound("school.unknown", "No school \(schoolID)")
            }
            guard scope.contains(schoolID: schoolID, regionCode: region) else {
                throw DomainError.forbidden("School \(schoolID) is outside your administration")
            }
            condition += " AND m.school_id = ?"
            arguments += [schoolID]
        }
        let (scopeSQL, scopeArguments) = scope.condition()
        condition += " AND " + scopeSQL
        arguments += scopeArguments
        let total = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) \(from) WHERE \(condition)", arguments: arguments) ?? 0
        let pageArguments = arguments + [cursor ?? 0, limit + 1]
        let rows = try Row.fetchAll(db, sql: select + " WHERE \(condition) AND e.id > ? ORDER BY e.id LIMIT ?", arguments: pageArguments)
        let records = try rows.prefix(limit).map(record)
        return Page(records: records, total: total, nextCursor: rows.count > limit ? records.last?.id : nil)
    }

    static func record(_ row: Row) throws -> EnrollmentRecord {
        EnrollmentRecord(
            id: row["id"], accountID: row["account_id"], topicID: row["topic_id"], schoolID: row["school_id"], schoolName: row["school_name"],
            regionCode: row["region_code"], phone: row["phone"], form: try CatalogJSON.decode(EnrollmentForm.self, from: row["form"]),
            membership: EnrollmentRecord.Membership(
                status: row["status"], verifiedMentalHealthTeacher: row["verified_mental_health"] ?? false,
                verifiedHomeroomTeacher: row["verified_homeroom"] ?? false),
            createdAt: row["created_at"])
    }
}
