import Foundation
import JSONRPC
import Testing
@testable import Yanxiu

/// Who gets a certificate: a verified role whose minimum is met, and nobody else.
@Suite("Certificate eligibility")
struct EligibilityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var mentalHealth = false
        var homeroom = false
        var verification = IssuanceFixture.Verification.verified
        var lessons: Int
        /// Nil: no certificate, for this reason.
        var role: TeacherRole?
        var hours: Double = 0
        var reason: String?
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "no role declared", verification: .none, lessons: 20, reason: "credit.no_verified_role"),
        Case(label: "member with no verified role", verification: .verified, lessons: 20, reason: "credit.no_verified_role"),
        Case(label: "roles declared, not yet verified", mentalHealth: true, homeroom: true, verification: .pending, lessons: 20,
             reason: "credit.no_verified_role"),
        Case(label: "mental-health teacher, 14 lessons", mentalHealth: true, lessons: 14, reason: "credit.more_lessons"),
        Case(label: "mental-health teacher, 15 lessons", mentalHealth: true, lessons: 15, role: .mentalHealthTeacher, hours: 15),
        Case(label: "homeroom teacher, 9 lessons", homeroom: true, lessons: 9, reason: "credit.more_lessons"),
        Case(label: "homeroom teacher, 10 lessons", homeroom: true, lessons: 10, role: .homeroomTeacher, hours: 10),
        Case(label: "both roles, 9 lessons", mentalHealth: true, homeroom: true, lessons: 9, reason: "credit.more_lessons"),
        Case(label: "both roles, 10 lessons: the homeroom minimum is met first", mentalHealth: true, homeroom: true, lessons: 10,
             role: .homeroomTeacher, hours: 10),
        Case(label: "both roles, 16 lessons", mentalHealth: true, homeroom: true, lessons: 16, role: .homeroomTeacher, hours: 16),
        Case(label: "mental-health teacher, 25 lessons: capped at 20 hours", mentalHealth: true, lessons: 25,
             role: .mentalHealthTeacher, hours: 20),
        Case(label: "homeroom teacher, 20 lessons", homeroom: true, lessons: 20, role: .homeroomTeacher, hours: 20),
    ]

    @Test("a certificate exactly when a verified role's minimum is met", arguments: TestStores.Engine.allCases, cases)
    func eligibility(engine: TestStores.Engine, _ example: Case) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, mentalHealth: example.mentalHealth, homeroom: example.homeroom,
                            verification: example.verification, lessons: example.lessons)
        let report = try await fixture.issue()
        let record = try fixture.certificate(of: 1)
        #expect(report.enrolled == 1)
        if let role = example.role {
            #expect(report.issued == 1 && report.notQualified.isEmpty)
            let subject = try #require(record.flatMap { CertificateDocument.subject(of: $0.document) })
            #expect(subject.qualifyingRole == role)
            #expect(subject.recognisedHours == example.hours)
            #expect(subject.lessonsCompleted == example.lessons)
        } else {
            #expect(report.issued == 0)
            #expect(record == nil)
            #expect(report.notQualified == [example.reason!: 1])
        }
    }

    @Test("issuance judges every teacher exactly as their progress summary does", arguments: TestStores.Engine.allCases)
    func sameRuleAsProgressSummary(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        for (index, example) in Self.cases.enumerated() {
            try fixture.teacher(Int64(index + 1), mentalHealth: example.mentalHealth, homeroom: example.homeroom,
                                verification: example.verification, lessons: example.lessons)
        }
        try fixture.store.readNow { tx in
            let topic = try IssuanceTopic.load(tx.certificates, id: IssuanceFixture.topicId)
            let bulk = try IssuanceRoster.assess(tx.certificates, topic: topic)
            #expect(bulk.count == Self.cases.count)
            for index in Self.cases.indices {
                let id = Int64(index + 1)
                let summary = try ProgressSummary.load(tx, accountID: id, topicId: IssuanceFixture.topicId, settings: ProgressSettings())
                #expect(bulk[id] == summary.assessment, "\(Self.cases[index].label)")
            }
        }
    }

    @Test("teachers who do not qualify keep their study time on record", arguments: TestStores.Engine.allCases)
    func studyTimeStays(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, verification: .none, lessons: 12)
        _ = try await fixture.issue()
        let summary = try await fixture.store.read { tx in
            try ProgressSummary.load(tx, accountID: 1, topicId: IssuanceFixture.topicId, settings: ProgressSettings())
        }
        #expect(summary.studySeconds == 12 * 600)
        #expect(summary.assessment.learnedHours == 12)
    }
}
