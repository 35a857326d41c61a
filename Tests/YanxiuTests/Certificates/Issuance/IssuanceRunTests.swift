import Foundation
import JSONRPC
import Locking
import Testing
@testable import Yanxiu

/// Running `certificate.issue`: after the window only, once per teacher, resumable.
@Suite("Certificate issuance runs")
struct IssuanceRunTests {
    @Test("refused while the window is open, and before it opens", arguments: TestStores.Engine.allCases, [
        IssuanceFixture.windowStart - 1, IssuanceFixture.windowStart, IssuanceFixture.windowEnd - 1,
    ])
    func refusedDuringWindow(engine: TestStores.Engine, now: Int64) async throws {
        let fixture = try await IssuanceFixture(engine, now: now)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, homeroom: true, lessons: 10)
        let error = try await #require(throws: DomainError.self) { try await fixture.issue() }
        #expect(error.kind == .precondition && error.reason == "topic.window_open")
        #expect(try fixture.certificate(of: 1) == nil)
    }

    @Test("allowed from the first instant after the window", arguments: TestStores.Engine.allCases)
    func allowedAtWindowEnd(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine, now: IssuanceFixture.windowEnd)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, homeroom: true, lessons: 10)
        #expect(try await fixture.issue().issued == 1)
    }

    @Test("an unknown topic is 404", arguments: TestStores.Engine.allCases)
    func unknownTopic(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        let error = try await #require(throws: DomainError.self) { try await fixture.issuance.run(topicId: "nope") }
        #expect(error.kind == .notFound && error.reason == "topic.unknown")
    }

    @Test("a run is refused (409) while another of the topic runs, on this daemon or on another sharing the database", arguments: TestStores.Engine.allCases)
    func secondRunRefused(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, homeroom: true, lessons: 10)
        try fixture.issuance.runs.begin(IssuanceFixture.topicId)
        let here = try await #require(throws: DomainError.self) { try await fixture.issue() }
        #expect(here.kind == .conflict && here.reason == "certificate.issuance_running")
        fixture.issuance.runs.end(IssuanceFixture.topicId)

        // Another daemon's run holds the topic in the database; only a shared store can see it.
        let other = try #require(try await fixture.store.holdExclusively("certificate.issue:\(IssuanceFixture.topicId)"))
        if engine == .postgresql {
            let there = try await #require(throws: DomainError.self) { try await fixture.issue() }
            #expect(there.kind == .conflict && there.reason == "certificate.issuance_running")
            #expect(try fixture.certificate(of: 1) == nil)
        }
        other.release()
        #expect(try await fixture.issue().issued == 1)
    }

    @Test("a second run issues nothing and keeps every certificate as it was", arguments: TestStores.Engine.allCases)
    func idempotentRerun(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        for id in 1...5 { try fixture.teacher(Int64(id), homeroom: true, lessons: 10 + id) }
        try fixture.teacher(6, verification: .none, lessons: 20)
        let first = try await fixture.issue()
        #expect(first.issued == 5 && first.alreadyHeld == 0 && first.notQualified == ["credit.no_verified_role": 1])
        let before = try (1...5).map { try fixture.certificate(of: Int64($0))!.canonical }
        fixture.clock.advance(byMs: 86_400_000)
        let second = try await fixture.issue()
        #expect(second.issued == 0 && second.alreadyHeld == 5 && second.notQualified == ["credit.no_verified_role": 1])
        #expect(try (1...5).map { try fixture.certificate(of: Int64($0))!.canonical } == before)
        #expect(try fixture.sql.value("SELECT count(*) FROM certificate") == 5 as Int64)
    }

    @Test("a teacher verified late gets a certificate from the next run, the others keep theirs", arguments: TestStores.Engine.allCases)
    func lateVerificationThenRerun(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, mentalHealth: true, lessons: 16)
        try fixture.teacher(2, mentalHealth: true, verification: .pending, lessons: 16)
        let first = try await fixture.issue()
        #expect(first.issued == 1 && first.notQualified == ["credit.no_verified_role": 1])
        #expect(try fixture.certificate(of: 2) == nil)
        let held = try fixture.certificate(of: 1)!.serial

        try fixture.verify(2)
        let second = try await fixture.issue()
        #expect(second.issued == 1 && second.alreadyHeld == 1 && second.notQualified.isEmpty)
        #expect(try fixture.certificate(of: 1)!.serial == held)
        let late = try #require(try fixture.certificate(of: 2))
        #expect(late.serial != held)
        #expect(try fixture.verify(serial: late.serial).isValid)
    }

    @Test("a run that stopped half-way is completed by the next, without duplicates", arguments: TestStores.Engine.allCases)
    func resumesAfterPartialRun(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        for id in 1...7 { try fixture.teacher(Int64(id), homeroom: true, lessons: 10) }
        var partial = fixture.issuance
        partial.batchSize = 3
        // Stands for a crash after the first committed batch: the batch of three is on disk.
        let stopped = try await fixture.store.read { tx in try IssuanceRoster.load(tx.certificates, topic: IssuanceTopic.load(tx.certificates, id: IssuanceFixture.topicId)) }
        let serials = try await fixture.store.write { tx in try SerialAllocator.reserve(tx.certificates, count: 3) }
        let signer = CertificateSigner(key: fixture.keyring.current, issuerName: fixture.keyring.issuerName)
        let signed = try signer.signAll(zip(stopped.candidates.prefix(3), serials).map {
            CertificateSigner.Draft(accountID: $0.accountID, serial: $1, subject: $0.subject)
        }, issuedAt: Date(timeIntervalSince1970: Double(fixture.clock.nowMs) / 1000))
        let keyID = fixture.keyring.currentKeyID
        _ = try await fixture.store.write { tx in
            try tx.certificates.insert(signed, topicId: IssuanceFixture.topicId, issuerKeyID: keyID, issuedAt: 0)
        }
        let report = try await partial.run(topicId: IssuanceFixture.topicId)
        #expect(report.issued == 4 && report.alreadyHeld == 3)
        let serialsHeld = try (1...7).map { try #require(try fixture.certificate(of: Int64($0))).serial }
        #expect(Set(serialsHeld).count == 7)
    }

    @Test("progress is reported from 0 to the number to issue, batch by batch", arguments: TestStores.Engine.allCases)
    func progressNotifications(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        for id in 1...10 { try fixture.teacher(Int64(id), homeroom: true, lessons: 10) }
        try fixture.teacher(11, lessons: 3)
        var issuance = fixture.issuance
        issuance.batchSize = 4
        let seen = Locked<[[Int]]>([])
        let report = try await issuance.run(topicId: IssuanceFixture.topicId) { done, total in seen.withLock { $0.append([done, total]) } }
        #expect(report.issued == 10)
        #expect(seen.withLock { $0 } == [[0, 10], [4, 10], [8, 10], [10, 10]])
    }

    @Test("every certificate has its own valid serial", arguments: TestStores.Engine.allCases)
    func serialsAreUniqueAndValid(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        for id in 1...50 { try fixture.teacher(Int64(id), homeroom: true, lessons: 10) }
        _ = try await fixture.issue()
        let serials: [String] = try fixture.sql.column("SELECT serial FROM certificate")
        #expect(Set(serials).count == 50)
        for serial in serials { #expect(try CertificateSerial(parsing: serial).description == serial) }
    }

    @Test("issuance is audited with its counts", arguments: TestStores.Engine.allCases)
    func audited(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, homeroom: true, lessons: 10)
        _ = try await fixture.issuance.run(topicId: IssuanceFixture.topicId, actorUID: 0)
        let audit = "FROM audit WHERE action = 'certificate.issue'"
        #expect(try fixture.sql.value("SELECT target \(audit)") == IssuanceFixture.topicId)
        #expect(try (fixture.sql.value("SELECT detail \(audit)") as String?)?.contains("\"issued\":1") == true)
        #expect(try fixture.sql.value("SELECT actor_uid \(audit)") == 0 as Int64)
    }
}
