import JSONValues
import Postgres

/// The serial and status-bit counters, status lists, and what issuance reads.
extension PostgresCertificatesStore {
    func advanceSerialSequence(by count: Int) throws -> ReservedBlock {
        try advance("next_sequence", by: count)
    }

    func advanceStatusPosition(by count: Int) throws -> ReservedBlock {
        try advance("next_status_position", by: count)
    }

    /// `column` is one of the two counters above, never caller input. The row lock the update
    /// takes keeps a concurrent writer from reserving the same block.
    private func advance(_ column: String, by count: Int) throws -> ReservedBlock {
        guard let row = try db.first("""
            UPDATE certificate_serial_state SET \(column) = \(column) + $1 WHERE id = 1 RETURNING permutation_key, \(column) - $1 AS first
            """, [Int64(count)])
        else {
            throw StoreError.unavailable("certificate_serial_state has no row")
        }
        return ReservedBlock(permutationKey: UInt64(bitPattern: row["permutation_key"] as Int64), first: row["first"])
    }

    func statusList(_ id: Int64, creatingWith url: String, now: Int64) throws -> String {
        try db.execute("INSERT INTO certificate_status_list (id, url, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING", [id, url, now])
        return try db.first("SELECT url FROM certificate_status_list WHERE id = $1", [id])!["url"]
    }

    func statusListURL(_ id: Int64) throws -> String? {
        try db.first("SELECT url FROM certificate_status_list WHERE id = $1", [id])?["url"]
    }

    func statusListCount() throws -> Int64 {
        try db.first("SELECT count(*) FROM certificate_status_list")![0]
    }

    func revokedIndexes(inList id: Int64) throws -> [Int] {
        try db.execute("""
            SELECT status_index FROM certificate WHERE status_list_id = $1 AND revoked_at IS NOT NULL ORDER BY status_index
            """, [id]).map { $0[0] }
    }

    func issuanceTopic(_ topicId: String) throws -> IssuanceTopicRecord? {
        try db.first("SELECT title, window_start, window_end, rules FROM topic WHERE id = $1", [topicId]).map { row in
            IssuanceTopicRecord(title: row["title"], windowStart: row["window_start"], windowEnd: row["window_end"], rules: row["rules"])
        }
    }

    /// The enrolment form is read only for a teacher whose profile lacks the name or ID number.
    func rosterEntries(topicId: String) throws -> [RosterEntry] {
        try db.execute("""
            SELECT e.account_id, a.name, a.id_number, CASE WHEN a.name IS NULL OR a.id_number IS NULL THEN e.form END AS form,
                   s.name AS school_name, s.region_code,
                   EXISTS (SELECT 1 FROM certificate c WHERE c.topic_id = e.topic_id AND c.account_id = e.account_id
                           AND c.revoked_at IS NULL) AS held
            FROM enrollment e JOIN account a ON a.id = e.account_id
            LEFT JOIN school_member m ON m.account_id = e.account_id AND m.status = 'verified'
            LEFT JOIN school s ON s.id = m.school_id
            WHERE e.topic_id = $1 ORDER BY e.account_id
            """, [topicId]).map { row in
            let form = (row["form"] as String?).map(FormIdentity.init(json:))
            return RosterEntry(
                accountID: row["account_id"], name: row["name"] ?? form?.name, idNumber: row["id_number"] ?? form?.idNumber,
                schoolName: row["school_name"], regionCode: row["region_code"], holdsLiveCertificate: row["held"])
        }
    }

    func completedLessonHours(topicId: String) throws -> [Int64: [Double]] {
        var hours: [Int64: [Double]] = [:]
        for row in try db.execute("""
            SELECT p.account_id, l.credit_hours FROM lesson_progress p JOIN lesson l ON l.id = p.lesson_id AND l.topic_id = p.topic_id
            WHERE p.topic_id = $1 AND p.completed_at IS NOT NULL
            """, [topicId]) {
            hours[row["account_id"], default: []].append(Double(row["credit_hours"] as Int64))
        }
        return hours
    }

    func enrolledVerifiedRoles(topicId: String) throws -> [Int64: Set<TeacherRole>] {
        var roles: [Int64: Set<TeacherRole>] = [:]
        for row in try db.execute("""
            SELECT e.account_id, coalesce(m.verified_mental_health, false) AS mh, coalesce(m.verified_homeroom, false) AS hr
            FROM enrollment e LEFT JOIN school_member m ON m.account_id = e.account_id AND m.status = 'verified'
            WHERE e.topic_id = $1
            """, [topicId]) {
            var held = Set<TeacherRole>()
            if row["mh"] as Bool { held.insert(.mentalHealthTeacher) }
            if row["hr"] as Bool { held.insert(.homeroomTeacher) }
            roles[row["account_id"]] = held
        }
        return roles
    }

    func region(_ code: String) throws -> (name: String, parentCode: String?)? {
        try db.first("SELECT name, parent_code FROM region WHERE code = $1", [code]).map { ($0["name"], $0["parent_code"]) }
    }
}

/// The name and ID number an enrolment form holds, read in Swift: the form column is JSON text.
/// A field that is missing or not a string reads as nil.
private struct FormIdentity {
    var name: String?
    var idNumber: String?

    init(json: String) {
        let form = try? JSONParser.parse(json)
        name = form?["name"]?.stringValue
        idNumber = form?["idNumber"]?.stringValue
    }
}
