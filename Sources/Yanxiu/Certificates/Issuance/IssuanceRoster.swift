import GRDB

/// Every teacher enrolled in a topic, sorted into those to certify now, those who already
/// hold a certificate and those who do not qualify (by reason).
public struct IssuanceRoster: Sendable {
    /// A teacher who qualifies and holds no live certificate yet.
    public struct Candidate: Sendable {
        public var accountID: Int64
        public var subject: CertificateSubject
    }

    public var enrolled = 0
    public var alreadyHeld = 0
    public var notQualified: [String: Int] = [:]
    public var candidates: [Candidate] = []

    /// Why a qualifying teacher still cannot be certified: the certificate needs a name.
    public static let profileIncomplete = "profile.incomplete"

    static func load(_ db: Database, topic: IssuanceTopic) throws -> IssuanceRoster {
        let assessments = try assess(db, topic: topic)
        var regions = RegionNames()
        var roster = IssuanceRoster()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.account_id, coalesce(a.name, json_extract(e.form, '$.name')) AS name,
                   coalesce(a.id_number, json_extract(e.form, '$.idNumber')) AS id_number,
                   s.name AS school_name, s.region_code,
                   EXISTS (SELECT 1 FROM certificate c WHERE c.topic_id = e.topic_id AND c.account_id = e.account_id
                           AND c.revoked_at IS NULL) AS held
            FROM enrollment e JOIN account a ON a.id = e.account_id
            LEFT JOIN school_member m ON m.account_id = e.account_id AND m.status = 'verified'
            LEFT JOIN school s ON s.id = m.school_id
            WHERE e.topic_id = ? ORDER BY e.account_id
            """, arguments: [topic.id])
        while let row = try rows.next() {
            roster.enrolled += 1
            let accountID: Int64 = row["account_id"]
            if row["held"] as Bool {
                roster.alreadyHeld += 1
                continue
            }
            let assessment = assessments[accountID] ?? topic.credit.assess(completedLessonHours: [], verifiedRoles: [])
            guard let role = assessment.qualifyingRole else {
                roster.notQualified[assessment.missing?.reason ?? "credit.not_qualified", default: 0] += 1
                continue
            }
            // A verified member always has a school; a certificate without a name is no certificate.
            guard let name = (row["name"] as String?).flatMap({ $0.isEmpty ? nil : $0 }),
                  let schoolName = row["school_name"] as String?, let regionCode = row["region_code"] as String?
            else {
                roster.notQualified[profileIncomplete, default: 0] += 1
                continue
            }
            let idNumber = (row["id_number"] as String?).flatMap { $0.isEmpty ? nil : Masking.idNumber($0) }
            roster.candidates.append(Candidate(accountID: accountID, subject: CertificateSubject(
                name: name, maskedIdNumber: idNumber, schoolName: schoolName, regionCode: regionCode,
                regionName: try regions.fullName(db, code: regionCode), topicId: topic.id, topicTitle: topic.title,
                windowStart: topic.windowStart, windowEnd: topic.windowEnd, qualifyingRole: role,
                lessonsCompleted: assessment.completedLessons, recognisedHours: assessment.recognisedHours)))
        }
        return roster
    }

    /// The credit assessment of every enrolled teacher, by the rule `ProgressSummary` applies
    /// to one (`CreditPolicy.assess` over completed lessons and verified roles), read in bulk.
    static func assess(_ db: Database, topic: IssuanceTopic) throws -> [Int64: CreditAssessment] {
        var hours: [Int64: [Double]] = [:]
        let completed = try Row.fetchCursor(db, sql: """
            SELECT p.account_id, l.credit_hours FROM lesson_progress p JOIN lesson l ON l.id = p.lesson_id AND l.topic_id = p.topic_id
            WHERE p.topic_id = ? AND p.completed_at IS NOT NULL
            """, arguments: [topic.id])
        while let row = try completed.next() {
            hours[row["account_id"], default: []].append(Double(row["credit_hours"] as Int64))
        }
        var assessments: [Int64: CreditAssessment] = [:]
        let members = try Row.fetchCursor(db, sql: """
            SELECT e.account_id, coalesce(m.verified_mental_health, 0) AS mh, coalesce(m.verified_homeroom, 0) AS hr
            FROM enrollment e LEFT JOIN school_member m ON m.account_id = e.account_id AND m.status = 'verified'
            WHERE e.topic_id = ?
            """, arguments: [topic.id])
        while let row = try members.next() {
            var roles = Set<TeacherRole>()
            if row["mh"] as Bool { roles.insert(.mentalHealthTeacher) }
            if row["hr"] as Bool { roles.insert(.homeroomTeacher) }
            let accountID: Int64 = row["account_id"]
            assessments[accountID] = topic.credit.assess(completedLessonHours: hours[accountID] ?? [], verifiedRoles: roles)
        }
        return assessments
    }
}
