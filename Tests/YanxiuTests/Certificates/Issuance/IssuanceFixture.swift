import Foundation
import JSONRPC
@testable import Yanxiu

/// A scratch store of either engine with a topic of 25 lessons, a region tree, one school and
/// teachers made to measure by direct inserts, plus an issuer key and a clock after the window.
struct IssuanceFixture {
    /// A teacher's standing with their school administrator.
    enum Verification { case none, pending, verified }

    let store: any StoreEngine
    let sql: TestSQL
    /// The SQLite store's folder; nil on PostgreSQL (a database of the shared test cluster).
    let directory: String?
    let clock: TestClock
    let keyring: IssuerKeyring
    let issuance: CertificateIssuance
    static let topicId = "mh-test"
    static let topicTitle = "心理健康教育教师培训"
    static let windowStart: Int64 = 1_673_193_600_000  // 2023-01-09T00:00:00+08:00
    static let windowEnd: Int64 = 1_677_600_000_000    // 2023-03-01T00:00:00+08:00
    static let lessonCount = 25
    static let schoolName = "海淀区示例第一小学"

    init(_ engine: TestStores.Engine = .sqlite, key: IssuerKey = .generate(), now: Int64 = IssuanceFixture.windowEnd + 3_600_000) async throws {
        switch engine {
        case .sqlite:
            let directory = NSTemporaryDirectory() + "yanxiu-certs-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            self.directory = directory
            store = try SQLiteStore(path: directory + "/c.sqlite")
        case .postgresql:
            directory = nil
            store = try PostgresStore(conninfo: try TestStores.freshPostgresDatabase())
        }
        sql = try TestSQL(store)
        clock = TestClock(startMs: now)
        try sql.execute("""
            INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
            VALUES (?, ?, ?, ?, '{"minLessons":{"mentalHealthTeacher":15,"homeroomTeacher":10},"maxRecognisedHours":20}', ?, 0, 0)
            """, [Self.topicId, Self.topicTitle, Self.windowStart, Self.windowEnd, Data([0])])
        try sql.execute("INSERT INTO course (topic_id, id, position, title) VALUES (?, 'c1', 0, 'C')", [Self.topicId])
        for n in 1...Self.lessonCount {
            try sql.execute("""
                INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
                VALUES (?, ?, 'c1', ?, ?, 600000, 1, 300000, '{"questions":[]}')
                """, ["l\(n)", Self.topicId, n, "第\(n)课"])
        }
        try sql.execute("""
            INSERT INTO region (code, name, level, parent_code) VALUES ('110000', '北京市', 'province', NULL),
                ('110100', '市辖区', 'city', '110000'), ('110108', '海淀区', 'county', '110100');
            INSERT INTO school (id, name, region_code, created_at) VALUES (1, '\(Self.schoolName)', '110108', 0);
            """)
        keyring = try await store.write { tx in try IssuerKeyring.register(tx.certificates, key: key, issuerName: "国家中小学智慧教育平台", now: 0) }
        issuance = CertificateIssuance(store: store, keyring: keyring, clock: clock)
    }

    /// Adds an enrolled teacher who completed `lessons` lessons, with roles in the given state.
    func teacher(
        _ id: Int64, name: String? = nil, mentalHealth: Bool = false, homeroom: Bool = false,
        verification: Verification = .verified, lessons: Int
    ) throws {
        try sql.execute("""
            INSERT INTO account (id, phone, password_hash, name, school_id, id_type, id_number, created_at, updated_at)
            VALUES (?, ?, 'x', ?, 1, 'resident', '110108198001011234', 0, 0)
            """, [id, "1380000\(String(format: "%04d", id))", name ?? "教师\(id)"])
        try sql.execute("INSERT INTO enrollment (account_id, topic_id, school_id, form, created_at) VALUES (?, ?, 1, '{}', 0)", [id, Self.topicId])
        if verification != .none {
            let verified = verification == .verified
            try sql.execute("""
                INSERT INTO school_member (account_id, school_id, declared_mental_health, declared_homeroom, status,
                    verified_mental_health, verified_homeroom, joined_at) VALUES (?, 1, ?, ?, ?, ?, ?, 0)
                """, [id, mentalHealth, homeroom, verified ? "verified" : "pending", verified && mentalHealth, verified && homeroom])
        }
        try complete(account: id, lessons: lessons)
    }

    /// The school administrator verifies the teacher's declared roles.
    func verify(_ id: Int64) throws {
        try sql.execute("""
            UPDATE school_member SET status = 'verified', verified_mental_health = declared_mental_health,
                verified_homeroom = declared_homeroom, verified_at = 0 WHERE account_id = ?
            """, [id])
    }

    /// Stores lessons 1…`lessons` as completed, in the form the progress engine writes.
    func complete(account: Int64, lessons: Int) throws {
        guard lessons > 0 else { return }
        var progress = LessonProgress(jitterAllowanceMs: 5_000)
        progress.quizPassedAt = Self.windowStart + 60_000
        progress.completedAt = Self.windowStart + 120_000
        let state = StateCodec.encode(progress)
        for n in 1...lessons {
            try sql.execute("""
                INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, study_ms, quiz_passed_at, completed_at, updated_at)
                VALUES (?, ?, ?, ?, 600000, ?, ?, 0)
                """, [account, "l\(n)", Self.topicId, state, progress.quizPassedAt, progress.completedAt])
        }
    }

    func issue(progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> IssuanceReport {
        try await issuance.run(topicId: Self.topicId, progress: progress)
    }

    func certificate(of account: Int64) throws -> CertificateRecord? {
        try store.readNow { tx in try tx.certificates.certificate(accountID: account, topicId: Self.topicId) }
    }

    var verifier: CertificateVerifier { CertificateVerifier(keyring: keyring) }

    func verify(document: JSONValue) throws -> CertificateVerdict {
        try store.readNow { tx in try verifier.verify(tx.certificates, document: document) }
    }

    func verify(serial: CertificateSerial) throws -> CertificateVerdict {
        try store.readNow { tx in try verifier.verify(tx.certificates, serial: serial) }
    }

    func cleanUp() {
        try? store.close()
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
    }
}
