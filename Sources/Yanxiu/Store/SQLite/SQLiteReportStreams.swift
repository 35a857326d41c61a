import GRDB

/// Merges the enrolments of a topic with the memberships, completed lessons and certificates
/// of the same accounts, all read in account order, into one `ReportTeacher` per enrolment.
struct SQLiteReportStreams {
    private var enrollments: RowCursor
    private var members: RowCursor
    private var completions: RowCursor
    private var certificates: RowCursor
    private var member: Row?
    private var completion: Row?
    private var certificate: Int64?

    init(_ db: Database, topicID: String) throws {
        // Each query is served by an index in account order (see Schema/ReportsSchema.swift).
        enrollments = try Row.fetchCursor(
            db, sql: "SELECT account_id FROM enrollment WHERE topic_id = ? ORDER BY account_id", arguments: [topicID])
        members = try Row.fetchCursor(db, sql: """
            SELECT account_id, declared_mental_health, declared_homeroom,
                   status = 'verified' AND verified_mental_health, status = 'verified' AND verified_homeroom, school_id
            FROM school_member ORDER BY account_id
            """)
        completions = try Row.fetchCursor(
            db, sql: "SELECT account_id, lessons, hours FROM topic_completion WHERE topic_id = ? ORDER BY account_id", arguments: [topicID])
        certificates = try Row.fetchCursor(db, sql: """
            SELECT account_id FROM certificate WHERE topic_id = ? AND revoked_at IS NULL ORDER BY account_id
            """, arguments: [topicID])
        member = try members.next()
        completion = try completions.next()
        certificate = try certificates.next()?[0]
    }

    mutating func next() throws -> ReportTeacher? {
        guard let enrollment = try enrollments.next() else { return nil }
        let account: Int64 = enrollment[0]
        // A teacher counts at the school they are a member of now; without a membership, at none.
        var teacher = ReportTeacher(schoolID: nil)
        while let row = member, Self.account(row) <= account {
            if Self.account(row) == account {
                teacher.schoolID = row[5]
                teacher.declaredMentalHealth = row[1]
                teacher.declaredHomeroom = row[2]
                teacher.verifiedMentalHealth = row[3]
                teacher.verifiedHomeroom = row[4]
            }
            member = try members.next()
        }
        while let row = completion, Self.account(row) <= account {
            if Self.account(row) == account {
                teacher.completedLessons = row[1]
                teacher.learnedHours = Double(row[2] as Int64)
            }
            completion = try completions.next()
        }
        while let holder = certificate, holder <= account {
            if holder == account { teacher.hasCertificate = true }
            certificate = try certificates.next()?[0]
        }
        return teacher
    }

    private static func account(_ row: Row) -> Int64 { row[0] }
}
