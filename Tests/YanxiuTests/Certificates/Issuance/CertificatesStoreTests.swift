import Foundation
import GRDB
import Testing
@testable import Yanxiu

/// What the `CertificatesStore` operations outside issuance's own tests mean, as any engine must give them; here on SQLite.
@Suite("Certificates store operations")
struct CertificatesStoreTests {
    @Test("making a key current retires the one before; going back to an older key makes it current again under its id")
    func issuerKeys() async throws {
        let fixture = try IssuanceFixture()
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
        let current = try await fixture.store.readDatabase { db in try String.fetchAll(db, sql: "SELECT verification_method FROM issuer_key WHERE retired_at IS NULL") }
        #expect(current == ["key-a"])
    }

    @Test("each counter moves on by the block it reserves, under one permutation key per database")
    func counters() async throws {
        let fixture = try IssuanceFixture()
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

    @Test("a status list keeps the address it was made with; unknown lists, serials, topics and regions read as nil")
    func statusListsAndMisses() async throws {
        let fixture = try IssuanceFixture()
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
}
