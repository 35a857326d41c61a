import Foundation
import GRDB
import Testing
@testable import Yanxiu

@Suite("Topic report from the store")
struct TopicReportTests {
    /// Two counties of one province, three schools, a topic of 12 one-hour lessons (one of 2 hours).
    static func store() throws -> SQLiteStore {
        let folder = NSTemporaryDirectory() + "yanxiu-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: folder + "/yanxiu.sqlite")
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO region (code, name, level, parent_code) VALUES ('110000', '北京市', 'province', NULL),
                    ('110101', '东城区', 'county', '110000'), ('110102', '西城区', 'county', '110000');
                INSERT INTO school (id, name, region_code, created_at) VALUES (1, '二中', '110101', 0), (2, '史家小学', '110101', 0), (3, '四中', '110102', 0);
                INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
                    VALUES ('t', 'T', 0, 10, '{"minLessons":{"mentalHealthTeacher":15,"homeroomTeacher":10},"maxRecognisedHours":20}', x'00', 0, 0);
                INSERT INTO course (topic_id, id, position, title) VALUES ('t', 'c', 0, 'C');
                """)
            for lesson in 0..<20 {
                try db.execute(sql: """
                    INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
                    VALUES (?, 't', 'c', ?, 'L', 1000, ?, 500, '{}')
                    """, arguments: ["l\(lesson)", lesson, lesson == 0 ? 2 : 1])
            }
        }
        return store
    }

    /// A teacher: enrolled at `school`, with a membership and `completed` lessons.
    static func teacher(_ db: Database, _ id: Int64, school: Int64, declared: (Bool, Bool), verified: (Bool, Bool)?, completed: Int) throws {
        try db.execute(sql: "INSERT INTO account (id, phone, password_hash, created_at, updated_at) VALUES (?, ?, 'x', 0, 0)", arguments: [id, "1390000\(id)"])
        try db.execute(sql: "INSERT INTO enrollment (account_id, topic_id, school_id, form, created_at) VALUES (?, 't', ?, '{}', 0)", arguments: [id, school])
        try db.execute(sql: """
            INSERT INTO school_member (account_id, school_id, declared_mental_health, declared_homeroom, status, verified_mental_health, verified_homeroom, joined_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0)
            """, arguments: [id, school, declared.0, declared.1, verified == nil ? "pending" : "verified", verified?.0 ?? false, verified?.1 ?? false])
        for lesson in 0..<completed {
            // Completion arrives like the heartbeat path writes it: a row first, completed later.
            try db.execute(sql: "INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, updated_at) VALUES (?, ?, 't', x'00', 0)", arguments: [id, "l\(lesson)"])
            try db.execute(sql: "UPDATE lesson_progress SET completed_at = 1 WHERE account_id = ? AND lesson_id = ?", arguments: [id, "l\(lesson)"])
        }
    }

    @Test("figures per county and school follow the credit rules and the verified roles")
    func figures() throws {
        let store = try Self.store()
        try store.pool.write { db in
            try Self.teacher(db, 1, school: 1, declared: (false, true), verified: (false, true), completed: 10)   // qualifies: 11 h
            try Self.teacher(db, 2, school: 1, declared: (true, false), verified: (true, false), completed: 12)   // MH needs 15
            try Self.teacher(db, 3, school: 2, declared: (true, true), verified: nil, completed: 20)              // not verified
            try Self.teacher(db, 4, school: 3, declared: (true, true), verified: (true, true), completed: 19)     // capped at 20 h
            try Self.teacher(db, 5, school: 3, declared: (false, true), verified: (false, true), completed: 0)
            // An account with a membership but no enrolment must not shift the others.
            try db.execute(sql: "INSERT INTO account (id, phone, password_hash, created_at, updated_at) VALUES (6, '13900006', 'x', 0, 0)")
        }
        let report = try store.readNow { tx in try TopicReport.build(tx, topicID: "t", grouping: .county, schools: nil) }
        #expect(report.rows.map(\.name) == ["东城区", "西城区"])
        let dongcheng = report.rows[0].figures
        #expect(dongcheng.enrolled == 3)
        #expect(dongcheng.declaredMentalHealth == 2 && dongcheng.declaredHomeroom == 2)
        #expect(dongcheng.verifiedMentalHealth == 1 && dongcheng.verifiedHomeroom == 1)
        #expect(dongcheng.lessonsCompleted == 42)
        #expect(dongcheng.qualifying == 1)
        #expect(dongcheng.recognisedHours == 11)
        let xicheng = report.rows[1].figures
        #expect(xicheng.qualifying == 1 && xicheng.recognisedHours == 20 && xicheng.meanRecognisedHours == 20)
        #expect(report.total.enrolled == 5 && report.total.qualifying == 2 && report.total.meanRecognisedHours == 15.5)
        #expect(report.rows[0].parentName == "北京市")
    }

    @Test("a school filter limits the rows and the total; provinces roll everything up")
    func filterAndProvince() throws {
        let store = try Self.store()
        try store.pool.write { db in
            try Self.teacher(db, 1, school: 1, declared: (false, true), verified: (false, true), completed: 10)
            try Self.teacher(db, 2, school: 3, declared: (false, true), verified: (false, true), completed: 3)
        }
        let bySchool = try store.readNow { tx in try TopicReport.build(tx, topicID: "t", grouping: .school, schools: [3]) }
        #expect(bySchool.rows.map(\.name) == ["四中"])
        #expect(bySchool.total.enrolled == 1 && bySchool.total.lessonsCompleted == 3)
        let byProvince = try store.readNow { tx in try TopicReport.build(tx, topicID: "t", grouping: .province, schools: nil) }
        #expect(byProvince.rows.map(\.name) == ["北京市"])
        #expect(byProvince.rows[0].figures.enrolled == 2)
        #expect(throws: DomainError.self) { try store.readNow { tx in try TopicReport.build(tx, topicID: "nope", grouping: .county, schools: nil) } }
    }

    @Test("completions follow a lesson that is un-completed or deleted")
    func completionBookkeeping() throws {
        let store = try Self.store()
        try store.pool.write { db in
            try Self.teacher(db, 1, school: 1, declared: (false, true), verified: (false, true), completed: 3)
            try db.execute(sql: "UPDATE lesson_progress SET completed_at = NULL WHERE account_id = 1 AND lesson_id = 'l0'")
            try db.execute(sql: "DELETE FROM lesson_progress WHERE account_id = 1 AND lesson_id = 'l1'")
            // Re-writing a completed row (as every later heartbeat of the lesson does) counts nothing twice.
            try db.execute(sql: "UPDATE lesson_progress SET completed_at = 1, updated_at = 5 WHERE account_id = 1 AND lesson_id = 'l2'")
        }
        let row = try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT lessons, hours FROM topic_completion WHERE account_id = 1") }
        #expect(row?["lessons"] == 1 && row?["hours"] == 1)
    }
}
