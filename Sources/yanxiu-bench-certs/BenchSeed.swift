import Foundation
import GRDB
import Yanxiu

/// The benchmark's data: one closed topic and verified homeroom teachers who completed enough lessons.
struct BenchSeed {
    static let topicId = "bench-topic"
    static let windowStart: Int64 = 1_673_193_600_000
    static let windowEnd: Int64 = 1_677_600_000_000

    let teachers: Int
    let lessons: Int

    func write(into store: SQLiteStore) throws {
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
                VALUES (?, '心理健康教育教师培训', ?, ?, '{}', x'00', 0, 0);
                INSERT INTO course (topic_id, id, position, title) VALUES (?, 'c1', 0, '课程');
                INSERT INTO region (code, name, level, parent_code) VALUES ('110000', '北京市', 'province', NULL),
                    ('110100', '市辖区', 'city', '110000'), ('110108', '海淀区', 'county', '110100');
                INSERT INTO school (id, name, region_code, created_at) VALUES (1, '海淀区示例第一小学', '110108', 0);
                """, arguments: [Self.topicId, Self.windowStart, Self.windowEnd, Self.topicId])
            for n in 1...lessons {
                try db.execute(sql: """
                    INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
                    VALUES (?, ?, 'c1', ?, ?, 600000, 1, 300000, '{"questions":[]}')
                    """, arguments: ["bench-l\(n)", Self.topicId, n, "第\(n)课"])
            }
            let account = try db.makeStatement(sql: """
                INSERT INTO account (id, phone, password_hash, name, school_id, id_type, id_number, created_at, updated_at)
                VALUES (?, ?, 'x', ?, 1, 'resident', ?, 0, 0)
                """)
            let member = try db.makeStatement(sql: """
                INSERT INTO school_member (account_id, school_id, declared_homeroom, status, verified_homeroom, joined_at)
                VALUES (?, 1, 1, 'verified', 1, 0)
                """)
            let enrollment = try db.makeStatement(sql: "INSERT INTO enrollment (account_id, topic_id, school_id, form, created_at) VALUES (?, ?, 1, '{}', 0)")
            // Issuance reads completed_at; the engine's coverage state is left empty.
            let progress = try db.makeStatement(sql: """
                INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, study_ms, quiz_passed_at, completed_at, updated_at)
                VALUES (?, ?, ?, x'', 600000, ?, ?, 0)
                """)
            for id in 1...Int64(teachers) {
                try account.execute(arguments: [id, String(format: "139%08d", id), "教师\(id)", String(format: "1101081980%08d", id)])
                try member.execute(arguments: [id])
                try enrollment.execute(arguments: [id, Self.topicId])
                for n in 1...lessons {
                    try progress.execute(arguments: [id, "bench-l\(n)", Self.topicId, Self.windowStart + 1, Self.windowStart + 2])
                }
            }
        }
    }
}
