import Postgres

/// The enrolments of a topic with each teacher's current membership, completed lessons and live
/// certificate, in account order, read in keyset pages: memory holds one page, however many
/// teachers the topic has. In a read transaction every page sees the same snapshot.
///
/// Where the SQLite engine merges four streams in account order, one query joins them here: each
/// joined table has at most one row per account (`school_member` and `topic_completion` by their
/// keys) or is only asked whether a row exists (a live certificate), so each enrolment gives one row.
struct PostgresReportStreams {
    static let pageSize = 1000

    private static let page = """
        SELECT e.account_id, m.school_id,
               coalesce(m.declared_mental_health, false), coalesce(m.declared_homeroom, false),
               coalesce(m.status = 'verified' AND m.verified_mental_health, false),
               coalesce(m.status = 'verified' AND m.verified_homeroom, false),
               coalesce(tc.lessons, 0), coalesce(tc.hours, 0),
               EXISTS (SELECT 1 FROM certificate c WHERE c.topic_id = e.topic_id AND c.account_id = e.account_id AND c.revoked_at IS NULL)
        FROM enrollment e
        LEFT JOIN school_member m ON m.account_id = e.account_id
        LEFT JOIN topic_completion tc ON tc.topic_id = e.topic_id AND tc.account_id = e.account_id
        WHERE e.topic_id = $1 AND e.account_id > $2
        ORDER BY e.account_id LIMIT $3
        """

    let db: PostgresDatabase
    let topicID: String

    func forEach(_ body: (ReportTeacher) throws -> Void) throws {
        var after = Int64.min
        while true {
            let rows = try db.execute(Self.page, [topicID, after, Self.pageSize])
            for row in rows {
                after = row[0]
                try body(Self.teacher(row))
            }
            if rows.count < Self.pageSize { return }
        }
    }

    private static func teacher(_ row: PostgresRow) -> ReportTeacher {
        // A teacher counts at the school they are a member of now; without a membership, at none.
        var teacher = ReportTeacher(schoolID: row[1])
        teacher.declaredMentalHealth = row[2]
        teacher.declaredHomeroom = row[3]
        teacher.verifiedMentalHealth = row[4]
        teacher.verifiedHomeroom = row[5]
        teacher.completedLessons = row[6]
        teacher.learnedHours = Double(row[7] as Int64)
        teacher.hasCertificate = row[8]
        return teacher
    }
}
