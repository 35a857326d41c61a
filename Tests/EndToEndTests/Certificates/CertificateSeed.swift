import Crypto
import Foundation

/// Rows the accounts and catalog services would have written, put straight into a stopped
/// daemon's database with the sqlite3 shell or psql: a closed topic, one school, three teachers.
enum CertificateSeed {
    static let topicId = "mh-e2e"
    /// The session token of teacher 1, who qualifies as a homeroom teacher with 12 lessons.
    static let token = "e2e-session-token-of-teacher-one"

    /// The rows in the SQL of `store`: byte strings and flags are written as each engine reads them.
    static func sql(_ store: TestStore) -> String {
        func bytes(_ hex: String) -> String { store == .sqlite ? "x'\(hex)'" : "'\\x\(hex)'" }
        func flag(_ value: Int) -> String { store == .sqlite ? "\(value)" : (value == 1 ? "TRUE" : "FALSE") }
        var lines = [
            "INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at) VALUES ('\(topicId)', '心理健康教育教师培训', 1673193600000, 1677600000000, '{}', \(bytes("00")), 0, 0);",
            "INSERT INTO course (topic_id, id, position, title) VALUES ('\(topicId)', 'c1', 0, '课程');",
            "INSERT INTO region (code, name, level, parent_code) VALUES ('110000', '北京市', 'province', NULL), ('110100', '市辖区', 'city', '110000'), ('110108', '海淀区', 'county', '110100');",
            "INSERT INTO school (id, name, region_code, created_at) VALUES (1, '海淀区示例第一小学', '110108', 0);",
        ]
        for n in 1...15 {
            lines.append("INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz) VALUES ('e2e-l\(n)', '\(topicId)', 'c1', \(n), '第\(n)课', 600000, 1, 300000, '{}');")
        }
        // 1: verified homeroom, 12 lessons; 2: declared but not verified, 15; 3: verified mental-health, 14.
        for (id, name, status, mh, hr, lessons) in [(1, "王小明", "verified", 0, 1, 12), (2, "李华", "pending", 1, 1, 15), (3, "张伟", "verified", 1, 0, 14)] {
            lines.append("INSERT INTO account (id, phone, password_hash, name, school_id, id_number, created_at, updated_at) VALUES (\(id), '1380000000\(id)', 'x', '\(name)', 1, '11010819800101123\(id)', 0, 0);")
            lines.append("INSERT INTO enrollment (account_id, topic_id, school_id, form, created_at) VALUES (\(id), '\(topicId)', 1, '{}', 0);")
            let verified = status == "verified"
            lines.append("INSERT INTO school_member (account_id, school_id, declared_mental_health, declared_homeroom, status, verified_mental_health, verified_homeroom, joined_at) VALUES (\(id), 1, \(flag(mh)), \(flag(hr)), '\(status)', \(flag(verified ? mh : 0)), \(flag(verified ? hr : 0)), 0);")
            for n in 1...lessons {
                lines.append("INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, study_ms, quiz_passed_at, completed_at, updated_at) VALUES (\(id), 'e2e-l\(n)', '\(topicId)', \(bytes("")), 600000, 1673200000000, 1673200100000, 0);")
            }
        }
        let hash = SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
        lines.append("INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES (\(bytes(hash)), 1, 0, 9999999999999);")
        if store == .postgresql {
            // Explicit ids do not move PostgreSQL's identity sequences; later registrations would collide.
            lines.append("SELECT setval(pg_get_serial_sequence('account', 'id'), 100), setval(pg_get_serial_sequence('school', 'id'), 100);")
        }
        return "BEGIN;\n" + lines.joined(separator: "\n") + "\nCOMMIT;\n"
    }

    /// Writes the rows into the database of a daemon folder (the daemon must be stopped).
    static func write(into directory: String) throws {
        switch LiveDaemon.store {
        case .sqlite:
            let script = directory + "/seed.sql"
            try sql(.sqlite).write(toFile: script, atomically: true, encoding: .utf8)
            let result = try run("/usr/bin/sqlite3", [directory + "/yanxiu.sqlite", ".read \(script)"])
            guard result.status == 0 else { throw SeedFailed(output: result.output) }
        case .postgresql:
            do {
                _ = try SharedPostgres.cluster().psql(sql(.postgresql), database: SharedPostgres.database(for: directory))
            } catch {
                throw SeedFailed(output: "\(error)")
            }
        }
    }

    struct SeedFailed: Error, CustomStringConvertible {
        let output: String
        var description: String { "seeding failed: \(output)" }
    }
}
