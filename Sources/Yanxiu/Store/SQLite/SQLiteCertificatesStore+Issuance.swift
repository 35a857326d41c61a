import GRDB

/// The serial and status-bit counters, status lists, and what issuance reads.
extension SQLiteCertificatesStore {
    func advanceSerialSequence(by count: Int) throws -> ReservedBlock {
        try advance("next_sequence", by: count)
    }

    func advanceStatusPosition(by count: Int) throws -> ReservedBlock {
        try advance("next_status_position", by: count)
    }

    /// `column` is one of the two counters above, never caller input.
    private func advance(_ column: String, by count: Int) throws -> ReservedBlock {
        guard let row = try Row.fetchOne(db, sql: "SELECT permutation_key, \(column) AS next FROM certificate_serial_state WHERE id = 1") else {
            throw DatabaseError(message: "certificate_serial_state has no row")
        }
        let next: Int64 = row["next"]
        try db.execute(sql: "UPDATE certificate_serial_state SET \(column) = ? WHERE id = 1", arguments: [next + Int64(count)])
        return ReservedBlock(permutationKey: UInt64(bitPattern: row["permutation_key"] as Int64), first: next)
    }

    func statusList(_ id: Int64, creatingWith url: String, now: Int64) throws -> String {
        try db.execute(sql: "INSERT INTO certificate_status_list (id, url, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                       arguments: [id, url, now])
        return try String.fetchOne(db, sql: "SELECT url FROM certificate_status_list WHERE id = ?", arguments: [id])!
    }

    func statusListURL(_ id: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT url FROM certificate_status_list WHERE id = ?", arguments: [id])
    }

    func statusListCount() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT count(*) FROM certificate_status_list") ?? 0
    }

    func revokedIndexes(inList id: Int64) throws -> [Int] {
        try Int.fetchAll(db, sql: "SELECT status_index FROM certificate WHERE status_list_id = ? AND revoked_at IS NOT NULL", arguments: [id])
    }

    func issuanceTopic(_ topicId: String) throws -> IssuanceTopicRecord? {
        try Row.fetchOne(db, sql: "SELECT title, window_start, window_end, rules FROM topic WHERE id = ?", arguments: [topicId]).map { row in
            IssuanceTopicRecord(title: row["title"], windowStart: row["window_start"], windowEnd: row["window_end"], rules: row["rules"])
        }
    }

    func rosterEntries(topicId: String) throws -> [RosterEntry] {
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
            """, arguments: [topicId])
        var entries: [RosterEntry] = []
        while let row = try rows.next() {
            entries.append(RosterEntry(
                accountID: row["account_id"], name: row["name"], idNumber: row["id_number"], schoolName: row["school_name"],
                regionCode: row["region_code"], holdsLiveCertificate: row["held"]))
        }
        return entries
    }

    func completedLessonHours(topicId: String) throws -> [Int64: [Double]] {
        var hours: [Int64: [Double]] = [:]
        let completed = try Row.fetchCursor(db, sql: """
            SELECT p.account_id, l.credit_hours FROM lesson_progress p JOIN lesson l ON l.id = p.lesson_id AND l.topic_id = p.topic_id
            WHERE p.topic_id = ? AND p.completed_at IS NOT NULL
            """, arguments: [topicId])
        while let row = try completed.next() {
            hours[row["account_id"], default: []].append(Double(row["credit_hours"] as Int64))
        }
        return hours
    }

    func enrolledVerifiedRoles(topicId: String) throws -> [Int64: Set<TeacherRole>] {
        var roles: [Int64: Set<TeacherRole>] = [:]
        let members = try Row.fetchCursor(db, sql: """
            SELECT e.account_id, coalesce(m.verified_mental_health, 0) AS mh, coalesce(m.verified_homeroom, 0) AS hr
            FROM enrollment e LEFT JOIN school_member m ON m.account_id = e.account_id AND m.status = 'verified'
            WHERE e.topic_id = ?
            """, arguments: [topicId])
        while let row = try members.next() {
            var held = Set<TeacherRole>()
            if row["mh"] as Bool { held.insert(.mentalHealthTeacher) }
            if row["hr"] as Bool { held.insert(.homeroomTeacher) }
            roles[row["account_id"]] = held
        }
        return roles
    }

    func region(_ code: String) throws -> (name: String, parentCode: String?)? {
        try Row.fetchOne(db, sql: "SELECT name, parent_code FROM region WHERE code = ?", arguments: [code]).map { ($0["name"], $0["parent_code"]) }
    }
}
