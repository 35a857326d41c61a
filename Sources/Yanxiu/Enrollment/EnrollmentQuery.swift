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

    /// `enrollment.list`: the page `administrator` (an account, whose grants decide the scope)
    /// or an operator (nil) may see. 403 `auth.forbidden` for an account that administers nothing.
    public static func list(
        _ tx: any StoreTransaction, topicID: String, schoolID: Int64?, administrator: Int64?, cursor: Int64?, limit: Int
    ) throws -> Page {
        let scope = try administrator.map { try EnrollmentScope.of(tx, accountID: $0) } ?? .operator_
        return try list(tx, topicID: topicID, schoolID: schoolID, scope: scope, cursor: cursor, limit: limit)
    }

    /// Enrolments of `topicID` (optionally of one school) after `cursor`, oldest first. An
    /// enrolment is shown at the school its teacher is a member of now (docs/rules.md#e8: an
    /// administrator sees exactly the teachers who are members of their school); one whose
    /// teacher has no membership (removed, or not a teacher at present) at its profile's school.
    /// 404 `topic.unknown`, 404 `school.unknown`, 403 `auth.forbidden` for a school outside the scope.
    public static func list(
        _ tx: any StoreTransaction, topicID: String, schoolID: Int64?, scope: EnrollmentScope, cursor: Int64?, limit: Int
    ) throws -> Page {
        _ = try Catalog.topic(tx, id: topicID)
        let enrollments = tx.enrollments
        if let schoolID {
            guard let region = try enrollments.schoolRegion(id: schoolID) else {
                throw DomainError.notFound("school.unknown", "No school \(schoolID)")
            }
            guard scope.contains(schoolID: schoolID, regionCode: region) else {
                throw DomainError.forbidden("School \(schoolID) is outside your administration")
            }
        }
        let filter = EnrollmentFilter(topicID: topicID, schoolID: schoolID, scope: scope)
        let total = try enrollments.count(filter)
        let records = try enrollments.enrollments(filter, after: cursor ?? 0, limit: limit + 1)
        let page = Array(records.prefix(limit))
        return Page(records: page, total: total, nextCursor: records.count > limit ? page.last?.id : nil)
    }
}
