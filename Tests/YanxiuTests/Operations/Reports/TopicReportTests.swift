import Foundation
import Testing
@testable import Yanxiu

@Suite("Topic report from the store")
struct TopicReportTests {
    /// A store of `engine` with two counties of one province, three schools, a topic of 20 lessons
    /// (one of 2 hours, the others of 1), removed when `body` returns.
    static func withStore(_ engine: TestStores.Engine, _ body: (any StoreEngine, TestSQL) async throws -> Void) async throws {
        try await TestStores.withStore(engine) { store in
            let sql = try TestSQL(store)
            try sql.execute("""
                INSERT INTO region (code, name, level, parent_code) VALUES ('110000', '北京市', 'province', NULL),
                    ('110101', '东城区', 'county', '110000'), ('110102', '西城区', 'county', '110000');
                INSERT INTO school (id, name, region_code, created_at) VALUES (1, '二中', '110101', 0), (2, '史家小学', '110101', 0), (3, '四中', '110102', 0);
                """)
            try sql.execute("""
                INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
                VALUES ('t', 'T', 0, 10, '{"minLessons":{"mentalHealthTeacher":15,"homeroomTeacher":10},"maxRecognisedHours":20}', ?, 0, 0)
                """, [Data([0])])
            try sql.execute("INSERT INTO course (topic_id, id, position, title) VALUES ('t', 'c', 0, 'C')")
            for lesson in 0..<20 {
                try sql.execute("""
                    INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
                    VALUES (?, 't', 'c', ?, 'L', 1000, ?, 500, '{}')
                    """, ["l\(lesson)", lesson, lesson == 0 ? 2 : 1])
            }
            try await body(store, sql)
        }
    }

    /// A teacher: enrolled at `school`, with a membership and `completed` lessons.
    static func teacher(_ sql: TestSQL, _ id: Int64, school: Int64, declared: (Bool, Bool), verified: (Bool, Bool)?, completed: Int) throws {
        try sql.execute("INSERT INTO account (id, phone, password_hash, created_at, updated_at) VALUES (?, ?, 'x', 0, 0)", [id, "1390000\(id)"])
        try sql.execute("INSERT INTO enrollment (account_id, topic_id, school_id, form, created_at) VALUES (?, 't', ?, '{}', 0)", [id, school])
        try sql.execute("""
            INSERT INTO school_member (account_id, school_id, declared_mental_health, declared_homeroom, status, verified_mental_health, verified_homeroom, joined_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0)
            """, [id, school, declared.0, declared.1, verified == nil ? "pending" : "verified", verified?.0 ?? false, verified?.1 ?? false])
        for lesson in 0..<completed {
            // Completion arrives like the heartbeat path writes it: a row first, completed later.
            try sql.execute("INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, updated_at) VALUES (?, ?, 't', ?, 0)", [id, "l\(lesson)", Data([0])])
            try sql.execute("UPDATE lesson_progress SET completed_at = 1 WHERE account_id = ? AND lesson_id = ?", [id, "l\(lesson)"])
        }
    }

    @Test("figures per county and school follow the credit rules and the verified roles", arguments: TestStores.Engine.allCases)
    func figures(engine: TestStores.Engine) async throws {
        try await Self.withStore(engine) { store, sql in
            try Self.teacher(sql, 1, school: 1, declared: (false, true), verified: (false, true), completed: 10)   // qualifies: 11 h
            try Self.teacher(sql, 2, school: 1, declared: (true, false), verified: (true, false), completed: 12)   // MH needs 15
            try Self.teacher(sql, 3, school: 2, declared: (true, true), verified: nil, completed: 20)              // not verified
            try Self.teacher(sql, 4, school: 3, declared: (true, true), verified: (true, true), completed: 19)     // capped at 20 h
            try Self.teacher(sql, 5, school: 3, declared: (false, true), verified: (false, true), completed: 0)
            // An account with a membership but no enrolment must not shift the others.
            try sql.execute("INSERT INTO account (id, phone, password_hash, created_at, updated_at) VALUES (6, '13900006', 'x', 0, 0)")
            try sql.execute("""
                INSERT INTO school_member (account_id, school_id, status, verified_homeroom, joined_at) VALUES (6, 1, 'verified', ?, 0)
                """, [true])
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
    }
    @Test("a school filter limits the rows and the total; provinces roll everything up", arguments: TestStores.Engine.allCases)
    func filterAndProvince(engine: TestStores.Engine) async throws {
        try await Self.withStore(engine) { store, sql in
            try Self.teacher(sql, 1, school: 1, declared: (false, true), verified: (false, true), completed: 10)
            try Self.teacher(sql, 2, school: 3, declared: (false, true), verified: (false, true), completed: 3)
            let bySchool = try store.readNow { tx in try TopicReport.build(tx, topicID: "t", grouping: .school, schools: [3]) }
            #expect(bySchool.rows.map(\.name) == ["四中"])
            #expect(bySchool.total.enrolled == 1 && bySchool.total.lessonsCompleted == 3)
            let byProvince = try store.readNow { tx in try TopicReport.build(tx, topicID: "t", grouping: .province, schools: nil) }
            #expect(byProvince.rows.map(\.name) == ["北京市"])
            #expect(byProvince.rows[0].figures.enrolled == 2)
            #expect(throws: DomainError.self) { try store.readNow { tx in try TopicReport.build(tx, topicID: "nope", grouping: .county, schools: nil) } }
        }
    }

    @Test("completions follow a lesson that is un-completed or deleted", arguments: TestStores.Engine.allCases)
    func completionBookkeeping(engine: TestStores.Engine) async throws {
        try await Self.withStore(engine) { _, sql in
            try Self.teacher(sql, 1, school: 1, declared: (false, true), verified: (false, true), completed: 3)
            try sql.execute("UPDATE lesson_progress SET completed_at = NULL WHERE account_id = 1 AND lesson_id = 'l0'")
            try sql.execute("DELETE FROM lesson_progress WHERE account_id = 1 AND lesson_id = 'l1'")
            // Re-writing a completed row (as every later heartbeat of the lesson does) counts nothing twice.
            try sql.execute("UPDATE lesson_progress SET completed_at = 1, updated_at = 5 WHERE account_id = 1 AND lesson_id = 'l2'")
            #expect(try sql.value("SELECT lessons FROM topic_completion WHERE account_id = 1") == 1 as Int64)
            #expect(try sql.value("SELECT hours FROM topic_completion WHERE account_id = 1") == 1 as Int64)
        }
    }

    @Test("every enrolment streams once, in account order, with its membership, completions and live certificate, across many pages",
          arguments: TestStores.Engine.allCases)
    func streamInAccountOrder(engine: TestStores.Engine) async throws {
        try await Self.withStore(engine) { store, sql in
            let numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2600)"
            try sql.execute(numbers + " INSERT INTO account (id, phone, password_hash, created_at, updated_at) SELECT i, '139' || i, 'x', 0, 0 FROM n")
            // Enrolled: every account up to 2,500 but each seventh, entered in descending order.
            try sql.execute(numbers + """
                 INSERT INTO enrollment (account_id, topic_id, school_id, form, created_at)
                SELECT i, 't', 1, '{}', 0 FROM n WHERE i <= 2500 AND i % 7 <> 0 ORDER BY i DESC
                """)
            // Members: every even account, enrolled or not (those above 2,500 are not).
            try sql.execute(numbers + """
                 INSERT INTO school_member (account_id, school_id, declared_homeroom, status, verified_homeroom, joined_at)
                SELECT i, 2, ?, 'verified', ?, 0 FROM n WHERE i % 2 = 0
                """, [true, true])
            try sql.execute(numbers + " INSERT INTO topic_completion (topic_id, account_id, lessons, hours) SELECT 't', i, i % 20, i % 20 + 1 FROM n WHERE i % 5 = 0")
            try sql.execute("INSERT INTO issuer_key (id, verification_method, public_key, created_at) VALUES (1, 'k', ?, 0)", [Data(count: 32)])
            // Live certificates for every third account; a revoked one for account 1.
            try sql.execute(numbers + """
                 INSERT INTO certificate (serial_number, serial, account_id, topic_id, issuer_key_id, document, issued_at)
                SELECT i, 'S' || i, i, 't', 1, '{}', 0 FROM n WHERE i % 3 = 0
                """)
            try sql.execute("INSERT INTO certificate (serial_number, serial, account_id, topic_id, issuer_key_id, document, issued_at, revoked_at) VALUES (9999, 'S9999', 1, 't', 1, '{}', 0, 1)")

            var streamed: [ReportTeacher] = []
            try store.readNow { tx in try tx.reports.forEachTeacher(topicID: "t") { streamed.append($0) } }
            let expected = (1...2500).filter { $0 % 7 != 0 }.map { i in
                var teacher = ReportTeacher(schoolID: i % 2 == 0 ? 2 : nil)
                teacher.declaredHomeroom = i % 2 == 0
                teacher.verifiedHomeroom = i % 2 == 0
                teacher.completedLessons = i % 5 == 0 ? i % 20 : 0
                teacher.learnedHours = i % 5 == 0 ? Double(i % 20 + 1) : 0
                teacher.hasCertificate = i % 3 == 0
                return teacher
            }
            #expect(streamed.count == expected.count)
            #expect(streamed == expected)
        }
    }

    @Test("schools by id, by scan past the threshold, by county; regions and their children", arguments: TestStores.Engine.allCases)
    func directoryReads(engine: TestStores.Engine) async throws {
        try await Self.withStore(engine) { store, sql in
            // Enough schools for the scan to take several pages.
            try sql.execute("""
                WITH RECURSIVE n(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM n WHERE i < 2509)
                INSERT INTO school (id, name, region_code, created_at) SELECT i, '学校' || i, '110102', 0 FROM n
                """)
            try store.readNow { (tx: any StoreTransaction) throws -> Void in
                let reports = tx.reports
                let few = try reports.schools([2, 3, 2509, 9999])
                #expect(few == [
                    2: ReportDirectory.School(name: "史家小学", regionCode: "110101"), 3: ReportDirectory.School(name: "四中", regionCode: "110102"),
                    2509: ReportDirectory.School(name: "学校2509", regionCode: "110102"),
                ])
                let threshold = max(SQLiteReportsStore.scanThreshold, PostgresReportsStore.scanThreshold)
                let many = try reports.schools(Set([1, 3] + (2000...Int64(threshold + 2000))))
                #expect(many.count == 512 && many[1]?.name == "二中" && many[3]?.name == "四中" && many[2000]?.name == "学校2000" && many[2509] != nil)
                #expect(try reports.schools(inRegion: "110101").sorted() == [1, 2])
                #expect(try reports.schools(inRegion: "110102").count == 2501)
                #expect(try reports.schools(inRegion: "999999").isEmpty)
                #expect(try reports.subregions(of: "110000").sorted() == ["110101", "110102"])
                #expect(try reports.regions()["110102"] == ReportDirectory.Region(name: "西城区", level: "county", parentCode: "110000"))
                #expect(try reports.regionExists(code: "110101") && !reports.regionExists(code: "110100"))
                #expect(try reports.schoolExists(id: 3) && !reports.schoolExists(id: 4))
                #expect(try reports.creditRules(topicID: "t")?.maxRecognisedHours == 20)
                #expect(try reports.creditRules(topicID: "nope") == nil)
            }
        }
    }
}
