import JSONRPC
@testable import Yanxiu

/// Schools, accounts and forms for the enrolment tests.
enum EnrollmentFixtures {
    /// A valid resident-card number of a man born 1985-06-12 (17th digit 3, odd).
    static let idNumber = AccountsFixtures.residentNumber(address: "110101", birth: "19850612", sequence: "123")
    /// Inside the small topic's window (January 2024, UTC+8).
    static let inWindow = CatalogFixtures.ms("2024-01-15T10:00:00+08:00")

    /// The complete form of a male mental-health teacher of school 1.
    static let form: JSONValue = [
        "name": "张老师", "ethnicity": "01", "idType": "residentCard", "idNumber": .string(idNumber), "gender": "1",
        "politicalStatus": "13", "education": "bachelor", "teacherType": "staff", "schoolId": 1,
        "isMentalHealthTeacher": true, "isHomeroomTeacher": false, "stage": "primary", "title": "first", "subject": "mentalHealth",
    ]

    static func readForm(_ value: JSONValue = form) throws -> EnrollmentForm {
        try EnrollmentFormReader.read(value, today: CalendarDate(year: 2024, month: 1, day: 15)!)
    }

    /// Regions of Beijing, schools 1 and 2 in county 110101 and school 3 in county 110102, and the small topic.
    static func prepare(_ store: any Store) async throws {
        _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic())
        try await FixtureSQL.execute(store, """
                INSERT INTO region (code, name, level, parent_code) VALUES ('110000', '北京市', 'province', NULL);
                INSERT INTO region (code, name, level, parent_code) VALUES ('110100', '市辖区', 'city', '110000');
                INSERT INTO region (code, name, level, parent_code) VALUES ('110101', '东城区', 'county', '110100');
                INSERT INTO region (code, name, level, parent_code) VALUES ('110102', '西城区', 'county', '110100');
                INSERT INTO school (id, name, region_code, created_at) VALUES (1, '和平里第三小学', '110101', 0);
                INSERT INTO school (id, name, region_code, created_at) VALUES (2, '东城第二小学', '110101', 0);
                INSERT INTO school (id, name, region_code, created_at) VALUES (3, '西城实验学校', '110102', 0);
                """)
    }

    /// An account as the accounts flow leaves it; a teacher with basic information by default.
    static func addAccount(
        _ store: any Store, id: Int64, identity: String? = "teacher", name: String? = "张老师", schoolID: Int64? = 1,
        idNumber: String? = nil, membership: String? = nil
    ) async throws {
        try await FixtureSQL.execute(
            store,
            """
            INSERT INTO account (id, phone, password_hash, identity, name, teacher_type, school_id, id_type, id_number, created_at, updated_at)
            VALUES (?, ?, 'x', ?, ?, ?, ?, ?, ?, 0, 0)
            """,
            [id, "1390000\(String(format: "%04d", id))", identity, name, name == nil ? nil : "staff", schoolID,
             idNumber == nil ? nil : "residentCard", idNumber] as [any Sendable])
        if let membership, let schoolID {
            try await FixtureSQL.execute(
                store,
                """
                INSERT INTO school_member (account_id, school_id, declared_mental_health, declared_homeroom, status,
                    verified_mental_health, joined_at) VALUES (?, ?, TRUE, FALSE, ?, ?, 0)
                """,
                [id, schoolID, membership, membership == "verified"])
        }
    }

    static func enroll(
        _ store: any Store, accountID: Int64, form: JSONValue = form, now: Int64 = inWindow, topicID: String = "t-small", replaceProfile: Bool = false
    ) async throws -> EnrollmentRecord {
        let parsed = try readForm(form)
        return try await store.write { tx in
            try EnrollmentService.create(tx, accountID: accountID, topicID: topicID, form: parsed, replaceProfile: replaceProfile, now: now)
        }
    }
}
