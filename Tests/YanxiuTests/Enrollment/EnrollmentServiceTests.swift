import JSONRPC
import Testing
@testable import Yanxiu

@Suite("Enrolment: window, identity, one per topic, agreement with the account")
struct EnrollmentServiceTests {
    static func refusal(_ body: () async throws -> Void) async -> (kind: DomainError.Kind?, reason: String, data: JSONObject, fields: [FieldProblem])? {
        await TopicImporterTests.refusal(body)
    }

    static func withPrepared(_ engine: TestStores.Engine, _ body: (any Store) async throws -> Void) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            try await EnrollmentFixtures.prepare(store)
            try await body(store)
        }
    }

    /// Instants around the small topic's window [2024-01-01, 2024-02-01) UTC+8, and what enrolment answers then.
    static let instants: [(time: String, reason: String?)] = [
        ("2023-12-31T23:59:59+08:00", "enrollment.not_open"),
        ("2024-01-01T00:00:00+08:00", nil),
        ("2024-01-31T23:59:59+08:00", nil),
        ("2024-02-01T00:00:00+08:00", "enrollment.window_closed"),
        ("2024-06-01T00:00:00+08:00", "enrollment.window_closed"),
    ]

    @Test("enrolment is open from the window's start until its exclusive end", arguments: TestStores.Engine.allCases, instants.indices)
    func window(_ engine: TestStores.Engine, _ index: Int) async throws {
        let (time, reason) = Self.instants[index]
        try await Self.withPrepared(engine) { store in
            try await EnrollmentFixtures.addAccount(store, id: 10)
            let refusal = await Self.refusal { _ = try await EnrollmentFixtures.enroll(store, accountID: 10, now: CatalogFixtures.ms(time)) }
            if let reason {
                #expect(refusal?.kind == .precondition && refusal?.reason == reason)
                #expect(try await FixtureSQL.integer(store, "SELECT COUNT(*) FROM enrollment") == 0)
            } else {
                #expect(refusal == nil)
            }
        }
    }

    @Test("a second enrolment in the same topic answers 409 with the first one's id", arguments: TestStores.Engine.allCases)
    func oncePerTopic(_ engine: TestStores.Engine) async throws {
        try await Self.withPrepared(engine) { store in
            try await EnrollmentFixtures.addAccount(store, id: 10)
            let first = try await EnrollmentFixtures.enroll(store, accountID: 10)
            let refusal = await Self.refusal { _ = try await EnrollmentFixtures.enroll(store, accountID: 10) }
            #expect(refusal?.kind == .conflict && refusal?.reason == "enrollment.exists")
            #expect(refusal?.data["enrollmentId"] == .int64(first.id))
            // Even once the window has closed, a retry learns its enrolment exists.
            let late = await Self.refusal { _ = try await EnrollmentFixtures.enroll(store, accountID: 10, now: CatalogFixtures.ms("2024-03-01T00:00:00+08:00")) }
            #expect(late?.reason == "enrollment.exists")
        }
    }

    @Test("only teachers with basic information may enrol", arguments: TestStores.Engine.allCases)
    func teachersOnly(_ engine: TestStores.Engine) async throws {
        try await Self.withPrepared(engine) { store in
            try await EnrollmentFixtures.addAccount(store, id: 11, identity: "parent")
            let parent = await Self.refusal { _ = try await EnrollmentFixtures.enroll(store, accountID: 11) }
            #expect(parent?.kind == .precondition && parent?.reason == "enrollment.teacher_required")
            try await EnrollmentFixtures.addAccount(store, id: 12, identity: nil)
            #expect(await Self.refusal { _ = try await EnrollmentFixtures.enroll(store, accountID: 12) }?.reason == "enrollment.teacher_required")
            try await EnrollmentFixtures.addAccount(store, id: 13, name: nil, schoolID: nil)
            let incomplete = await Self.refusal { _ = try await EnrollmentFixtures.enroll(store, accountID: 13) }
            #expect(incomplete?.kind == .precondition && incomplete?.reason == "profile.incomplete")
            #expect(incomplete?.data["missing"] == ["name", "teacherType", "schoolId"])
        }
    }

    @Test("an unverified account takes name, ID and school from the form when asked to; the declared roles await the school administrator", arguments: TestStores.Engine.allCases)
    func updatesUnverifiedAccount(_ engine: TestStores.Engine) async throws {
        try await Self.withPrepared(engine) { store in
            try await EnrollmentFixtures.addAccount(store, id: 10, name: "张三", schoolID: 1)
            let form = EnrollmentFixtures.form.setting("schoolId", 2).setting("isHomeroomTeacher", true)
            let silent = await Self.refusal { _ = try await EnrollmentFixtures.enroll(store, accountID: 10, form: form) }
            #expect(silent?.kind == .conflict && silent?.reason == "enrollment.profile_differs")
            #expect(silent?.data["fields"]?.arrayValue?.compactMap { $0["field"]?.stringValue } == ["name", "schoolId"])
            let record = try await EnrollmentFixtures.enroll(store, accountID: 10, form: form, replaceProfile: true)
            #expect(record.schoolID == 2 && record.schoolName == "东城第二小学")
            #expect(record.membership.status == "pending" && !record.membership.verifiedMentalHealthTeacher)
            let account = try await FixtureSQL.texts(store, "SELECT name || '|' || id_type || '|' || id_number || '|' || school_id FROM account WHERE id = 10")
            let member = try await FixtureSQL.texts(store, """
                SELECT school_id || '|' || status || '|' || CASE WHEN declared_mental_health THEN '1' ELSE '0' END
                    || '|' || CASE WHEN declared_homeroom THEN '1' ELSE '0' END FROM school_member WHERE account_id = 10
                """)
            let audits = try await FixtureSQL.integer(store, "SELECT COUNT(*) FROM audit WHERE action = 'account.profileFromEnrollment' AND actor_account = 10")
            #expect(account == ["张老师|residentCard|\(EnrollmentFixtures.idNumber)|2"])
            #expect(member == ["2|pending|1|1"])
            #expect(audits == 1)
        }
    }

    @Test("a verified profile is locked: a form that disagrees is refused with profile.locked and changes nothing", arguments: TestStores.Engine.allCases)
    func lockedProfile(_ engine: TestStores.Engine) async throws {
        try await Self.withPrepared(engine) { store in
            try await EnrollmentFixtures.addAccount(store, id: 10, idNumber: EnrollmentFixtures.idNumber, membership: "verified")
            let refusal = await Self.refusal {
                _ = try await EnrollmentFixtures.enroll(store, accountID: 10, form: EnrollmentFixtures.form.setting("name", "张老师改").setting("schoolId", 3))
            }
            #expect(refusal?.kind == .conflict && refusal?.reason == "profile.locked")
            #expect(refusal?.data["fields"]?.arrayValue?.compactMap { $0["field"]?.stringValue } == ["name", "schoolId"])
            let name = try await FixtureSQL.texts(store, "SELECT name FROM account WHERE id = 10")
            let enrollments = try await FixtureSQL.integer(store, "SELECT COUNT(*) FROM enrollment")
            #expect(name == ["张老师"] && enrollments == 0)
        }
    }

    @Test("a verified teacher whose form agrees enrols and stays verified; a newly declared role waits for the administrator", arguments: TestStores.Engine.allCases)
    func verifiedAndMatching(_ engine: TestStores.Engine) async throws {
        try await Self.withPrepared(engine) { store in
            try await EnrollmentFixtures.addAccount(store, id: 10, idNumber: EnrollmentFixtures.idNumber, membership: "verified")
            let record = try await EnrollmentFixtures.enroll(store, accountID: 10, form: EnrollmentFixtures.form.setting("isHomeroomTeacher", true))
            #expect(record.membership.status == "verified" && record.membership.verifiedMentalHealthTeacher)
            #expect(!record.membership.verifiedHomeroomTeacher)
            let declared = try await FixtureSQL.texts(store, "SELECT CASE WHEN declared_homeroom THEN 'true' ELSE 'false' END FROM school_member WHERE account_id = 10")
            #expect(declared == ["true"])
            let got = try await store.read { tx in try EnrollmentService.get(tx, accountID: 10, topicID: "t-small") }
            #expect(got == record)
            let missing = await Self.refusal { _ = try await store.read { tx in try EnrollmentService.get(tx, accountID: 10, topicID: "mh-x") } }
            #expect(missing?.kind == .notFound && missing?.reason == "enrollment.unknown")
        }
    }

    @Test("a school that does not exist and a topic that does not exist are refused", arguments: TestStores.Engine.allCases)
    func unknownSchoolAndTopic(_ engine: TestStores.Engine) async throws {
        try await Self.withPrepared(engine) { store in
            try await EnrollmentFixtures.addAccount(store, id: 10)
            let school = await Self.refusal { _ = try await EnrollmentFixtures.enroll(store, accountID: 10, form: EnrollmentFixtures.form.setting("schoolId", 99)) }
            #expect(school?.kind == .invalidParams)
            #expect(school?.fields == [FieldProblem(field: "schoolId", reason: "not_found")])
            let topic = await Self.refusal { _ = try await EnrollmentFixtures.enroll(store, accountID: 10, topicID: "nope") }
            #expect(topic?.kind == .notFound && topic?.reason == "topic.unknown")
        }
    }

}
