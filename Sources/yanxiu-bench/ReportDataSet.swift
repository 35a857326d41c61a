import Foundation
import GRDB
import Yanxiu

/// A scratch store shaped like a national programme: provinces, cities and counties, schools,
/// and enrolled teachers with memberships, completed lessons and certificates.
struct ReportDataSet {
    static let topicId = "report-bench"

    var enrollments: Int
    var schools: Int
    var lessons: Int
    /// Fixed, so two runs seed the same data.
    var seed: UInt64 = 2023

    /// 31 provinces × 4 cities × 16 counties: about the 2,976 counties of the real map.
    static let provinces = 31, citiesPerProvince = 4, countiesPerCity = 16

    func write(path: String) throws {
        let store = try SQLiteStore(path: path)
        try store.pool.writeWithoutTransaction { db in
            // Seeding a scratch file: the rows are consistent by construction, and checking a
            // million foreign keys would only slow it down.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                try seedDirectory(db)
                try seedTopic(db)
                try seedTeachers(db)
                return .commit
            }
        }
        try store.close()
    }

    static func countyCode(_ index: Int) -> String {
        let province = 11 + index / (citiesPerProvince * countiesPerCity)
        let city = 1 + index / countiesPerCity % citiesPerProvince
        let county = 1 + index % countiesPerCity
        return String(format: "%02d%02d%02d", province, city, county)
    }

    static var countyCount: Int { provinces * citiesPerProvince * countiesPerCity }

    private func seedDirectory(_ db: Database) throws {
        let region = try db.makeStatement(sql: "INSERT OR IGNORE INTO region (code, name, level, parent_code) VALUES (?, ?, ?, ?)")
        for index in 0..<Self.countyCount {
            let county = Self.countyCode(index)
            let city = String(county.prefix(4)) + "00"
            let province = String(county.prefix(2)) + "0000"
            try region.execute(arguments: [province, "省\(county.prefix(2))", "province", nil])
            try region.execute(arguments: [city, "市\(county.prefix(4))", "city", province])
            try region.execute(arguments: [county, "区县\(county)", "county", city])
        }
        let school = try db.makeStatement(sql: "INSERT INTO school (id, name, region_code, created_at) VALUES (?, ?, ?, 0)")
        for id in 1...schools {
            try school.execute(arguments: [id, "第\(id)中学", Self.countyCode((id - 1) % Self.countyCount)])
        }
    }

    private func seedTopic(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
            VALUES (?, 'Report benchmark', 0, 1, '{}', x'00', 0, 0)
            """, arguments: [Self.topicId])
        try db.execute(sql: "INSERT INTO course (topic_id, id, position, title) VALUES (?, 'c1', 0, 'Course')", arguments: [Self.topicId])
        let lesson = try db.makeStatement(sql: """
            INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
            VALUES (?, ?, 'c1', ?, 'Lesson', 1500000, 1, 900000, '{}')
            """)
        for index in 0..<lessons { try lesson.execute(arguments: ["rb-l\(index)", Self.topicId, index]) }
    }

    private func seedTeachers(_ db: Database) throws {
        var random = SplitMix64(seed: seed)
        let account = try db.makeStatement(sql: """
            INSERT INTO account (id, phone, password_hash, identity, name, school_id, created_at, updated_at)
            VALUES (?, ?, 'x', 'teacher', ?, ?, 0, 0)
            """)
        let enroll = try db.makeStatement(sql: "INSERT INTO enrollment (account_id, topic_id, school_id, form, created_at) VALUES (?, ?, ?, '{}', 0)")
        let member = try db.makeStatement(sql: """
            INSERT INTO school_member (account_id, school_id, declared_mental_health, declared_homeroom, status,
                                       verified_mental_health, verified_homeroom, joined_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0)
            """)
        let progress = try db.makeStatement(sql: """
            INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, study_ms, completed_at, updated_at)
            VALUES (?, ?, ?, x'00', 1500000, 1, 1)
            """)
        for id in 1...enrollments {
            let school = 1 + Int(random.next() % UInt64(schools))
            try account.execute(arguments: [id, String(format: "139%08d", id), "教师\(id)", school])
            try enroll.execute(arguments: [id, Self.topicId, school])
            // Most declare one role; about two thirds of those are verified by their school.
            let mentalHealth = random.next() % 3 == 0
            let homeroom = !mentalHealth || random.next() % 4 == 0
            let verified = random.next() % 3 != 0
            try member.execute(arguments: [id, school, mentalHealth, homeroom, verified ? "verified" : "pending",
                                           verified && mentalHealth, verified && homeroom])
            let completed = Int(random.next() % UInt64(lessons + 1))
            for lesson in 0..<completed { try progress.execute(arguments: [id, "rb-l\(lesson)", Self.topicId]) }
        }
    }
}

/// A small, fast, seedable generator, so the data set is the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
