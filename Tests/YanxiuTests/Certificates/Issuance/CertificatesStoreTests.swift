import Foundation
import Testing
@testable import Yanxiu

/// What the `CertificatesStore` operations outside issuance's own tests mean, as every engine must give them.
@Suite("Certificates store operations")
struct CertificatesStoreTests {
    @Test("making a key current retires the one before; going back to an older key makes it current again under its id",
          arguments: TestStores.Engine.allCases)
    func issuerKeys(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        let (a, b) = ([UInt8](repeating: 1, count: 32), [UInt8](repeating: 2, count: 32))
        let ids = try await fixture.store.write { tx in
            let certificates = tx.certificates
            return [
                try certificates.makeCurrentIssuerKey(verificationMethod: "key-a", publicKey: a, now: 1),
                try certificates.makeCurrentIssuerKey(verificationMethod: "key-b", publicKey: b, now: 2),
                try certificates.makeCurrentIssuerKey(verificationMethod: "key-a", publicKey: a, now: 3),
            ]
        }
        #expect(ids[0] == ids[2] && ids[0] != ids[1])
        let keys = try await fixture.store.read { tx in try tx.certificates.issuerKeys() }
        #expect(keys["key-a"] == a && keys["key-b"] == b && keys[fixture.keyring.current.verificationMethod] != nil)
        let current: [String] = try fixture.sql.column("SELECT verification_method FROM issuer_key WHERE retired_at IS NULL")
        #expect(current == ["key-a"])
    }

    @Test("each counter moves on by the block it reserves, under one permutation key per database", arguments: TestStores.Engine.allCases)
    func counters(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        let blocks = try await fixture.store.write { tx in
            let certificates = tx.certificates
            return [
                try certificates.advanceSerialSequence(by: 3), try certificates.advanceSerialSequence(by: 2),
                try certificates.advanceStatusPosition(by: 5),
            ]
        }
        #expect(blocks.map(\.first) == [0, 3, 0])
        #expect(Set(blocks.map(\.permutationKey)).count == 1)
    }

    @Test("a status list keeps the address it was made with; unknown lists, serials, topics and regions read as nil",
          arguments: TestStores.Engine.allCases)
    func statusListsAndMisses(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        let urls = try await fixture.store.write { tx in
            [try tx.certificates.statusList(1, creatingWith: "urn:first", now: 0), try tx.certificates.statusList(1, creatingWith: "urn:second", now: 1)]
        }
        #expect(urls == ["urn:first", "urn:first"])
        try await fixture.store.read { (tx: any StoreTransaction) throws -> Void in
            let certificates = tx.certificates
            #expect(try certificates.statusListURL(1) == "urn:first")
            #expect(try certificates.statusListURL(2) == nil)
            #expect(try certificates.statusListCount() == 1)
            #expect(try certificates.revokedIndexes(inList: 1).isEmpty)
            #expect(try certificates.certificate(serial: CertificateSerial(number: 12345)!) == nil)
            #expect(try certificates.certificate(accountID: 1, topicId: IssuanceFixture.topicId) == nil)
            #expect(try certificates.issuanceTopic("nope") == nil)
            #expect(try certificates.issuanceTopic(IssuanceFixture.topicId)?.title == IssuanceFixture.topicTitle)
            #expect(try certificates.region("999999") == nil)
            #expect(try certificates.region("110108")?.parentCode == "110100")
        }
    }

    /// A stored certificate as `insert` takes it: what is signed does not matter to the store.
    static func signed(_ number: UInt64, account: Int64, bit: Int? = nil) -> CertificateSigner.Signed {
        CertificateSigner.Signed(
            accountID: account, serial: CertificateSerial(number: number)!,
            status: bit.map { CertificateStatusEntry(listID: 1, index: $0, listURL: "urn:list") }, canonical: Array("{\"n\":\(number)}".utf8))
    }

    @Test("a batch leaves out a certificate that meets a live one; a teacher's certificate is the live one, else the one revoked last",
          arguments: TestStores.Engine.allCases)
    func liveAndRevoked(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        try fixture.teacher(1, lessons: 0)
        try fixture.teacher(2, lessons: 0)
        let topic = IssuanceFixture.topicId
        let key = fixture.keyring.currentKeyID
        let first = try await fixture.store.write { tx in
            _ = try tx.certificates.statusList(1, creatingWith: "urn:list", now: 0)
            return try tx.certificates.insert([Self.signed(101, account: 1, bit: 7), Self.signed(102, account: 1, bit: 8), Self.signed(103, account: 2, bit: 3)],
                                              topicId: topic, issuerKeyID: key, issuedAt: 5)
        }
        #expect(first == 2)
        #expect(try fixture.certificate(of: 1)?.serial.number == 101)
        #expect(try fixture.certificate(of: 1)?.canonical == "{\"n\":101}")
        #expect(try fixture.certificate(of: 2)?.issuedAt == 5)

        // Revoked at 20, then a second one issued and revoked at 10: the first was revoked last.
        let second = try await fixture.store.write { tx in
            try tx.certificates.markRevoked(serial: CertificateSerial(number: 101)!, reason: "姓名有误", at: 20, actorUID: 0)
            let stored = try tx.certificates.insert([Self.signed(104, account: 1, bit: 9), Self.signed(105, account: 2)], topicId: topic, issuerKeyID: key, issuedAt: 6)
            try tx.certificates.markRevoked(serial: CertificateSerial(number: 104)!, reason: "学校有误", at: 10, actorUID: nil)
            return stored
        }
        #expect(second == 1)
        let revokedLast = try #require(try fixture.certificate(of: 1))
        #expect(revokedLast.serial.number == 101 && revokedLast.revocation == CertificateRecord.Revocation(at: 20, reason: "姓名有误"))
        #expect(try fixture.store.readNow { tx in try tx.certificates.revokedIndexes(inList: 1) }.sorted() == [7, 9])

        _ = try await fixture.store.write { tx in try tx.certificates.insert([Self.signed(106, account: 1)], topicId: topic, issuerKeyID: key, issuedAt: 7) }
        let live = try #require(try fixture.certificate(of: 1))
        #expect(live.serial.number == 106 && live.revocation == nil)
        let byReason = try fixture.store.readNow { tx in try tx.certificates.certificate(serial: CertificateSerial(number: 104)!) }
        #expect(byReason?.revocation?.reason == "学校有误" && byReason?.accountID == 1 && byReason?.topicId == topic)
    }

    @Test("the roster is in account order; names and ID numbers come from the profile, else from the enrolment form; only a verified membership names a school",
          arguments: TestStores.Engine.allCases)
    func roster(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        // Enrolled before the others, with a profile that lacks both, and a form that has them.
        try fixture.sql.execute("INSERT INTO account (id, phone, password_hash, created_at, updated_at) VALUES (9, '13900000009', 'x', 0, 0)")
        try fixture.sql.execute("""
            INSERT INTO enrollment (account_id, topic_id, school_id, form, created_at) VALUES (9, ?, 1, '{"idNumber":"11010819800101123X","name":"李四"}', 0)
            """, [IssuanceFixture.topicId])
        try fixture.teacher(2, name: "张三", verification: .pending, lessons: 0)
        try fixture.teacher(1, name: "王五", homeroom: true, lessons: 3)
        let roster = try fixture.store.readNow { tx in try tx.certificates.rosterEntries(topicId: IssuanceFixture.topicId) }
        #expect(roster.map(\.accountID) == [1, 2, 9])
        #expect(roster.map(\.name) == ["王五", "张三", "李四"])
        #expect(roster.map(\.idNumber) == ["110108198001011234", "110108198001011234", "11010819800101123X"])
        #expect(roster.map(\.schoolName) == [IssuanceFixture.schoolName, nil, nil])
        #expect(roster.map(\.regionCode) == ["110108", nil, nil])
        #expect(roster.allSatisfy { !$0.holdsLiveCertificate })

        let (hours, roles) = try fixture.store.readNow { tx in
            (try tx.certificates.completedLessonHours(topicId: IssuanceFixture.topicId), try tx.certificates.enrolledVerifiedRoles(topicId: IssuanceFixture.topicId))
        }
        #expect(hours == [1: [1, 1, 1]])
        #expect(roles == [1: [.homeroomTeacher], 2: [], 9: []])
    }
}
