import Foundation
import Testing
@testable import Yanxiu

/// Joining, declaring, verifying and administering through `MembershipsStore`, on each engine:
/// the meanings every engine gives the same operations.
@Suite("School memberships and grants")
struct SchoolMembershipTests {
    /// The sample directory, two accounts (1 and 2), a topic, and account 1 enrolled with a form declaring homeroom only.
    static func seed(_ store: any StoreEngine) async throws {
        _ = try await store.write { tx in try SampleDirectory.loadIfEmpty(tx, now: 0) }
        let hash = SeedSQL.zeroByte(store)
        try await SeedSQL.run(store, """
            INSERT INTO account (id, phone, password_hash, created_at, updated_at) VALUES (1, '13900000001', 'x', 0, 0), (2, '13900000002', 'x', 0, 0);
            INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
                VALUES ('t', 'T', 0, 10, '{}', \(hash), 0, 0);
            INSERT INTO enrollment (account_id, topic_id, form, created_at) VALUES (1, 't', '{"isHomeroomTeacher":true}', 5);
            """)
    }

    static func school(_ store: any StoreEngine, _ code: String) async throws -> School {
        try #require(try await store.read { tx in try tx.directory.school(code: code) })
    }

    @Test("joining takes the newest form's roles; moving clears a verification; declaring never changes one", arguments: TestStores.Engine.allCases)
    func joinMoveDeclare(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let erzhong = try await Self.school(store, "S1101010001")
            let sizhong = try await Self.school(store, "S1101020001")
            let joined = try await store.write { tx in
                try SchoolMembership.join(tx, accountID: 1, schoolID: erzhong.id, now: 100)
                try SchoolMembership.join(tx, accountID: 2, schoolID: erzhong.id, now: 101)
                return (try SchoolMembership.fetch(tx, accountID: 1), try SchoolMembership.fetch(tx, accountID: 2))
            }
            #expect(joined.0?.declaredHomeroom == true && joined.0?.declaredMentalHealth == false && joined.0?.joinedAt == 100)
            #expect(joined.1?.declaredHomeroom == false && joined.1?.declaredMentalHealth == false)

            let verified = try await store.write { tx in
                try SchoolMembership.verify(tx, schoolID: erzhong.id, accountID: 1, mentalHealth: false, homeroom: true, actor: AuditActor(accountID: 2), now: 200)
            }
            #expect(verified.isVerified && verified.verifiedHomeroom && verified.verifiedAt == 200)
            let declared = try await store.write { tx in
                try SchoolMembership.declare(tx, accountID: 1, mentalHealth: true, homeroom: nil)
                return try SchoolMembership.fetch(tx, accountID: 1)
            }
            #expect(declared?.declaredMentalHealth == true && declared?.declaredHomeroom == true)
            #expect(declared?.isVerified == true && declared?.verifiedMentalHealth == false)

            let moved = try await store.write { tx in
                try SchoolMembership.join(tx, accountID: 1, schoolID: sizhong.id, now: 300)
                return try SchoolMembership.fetch(tx, accountID: 1)
            }
            #expect(moved?.schoolID == sizhong.id && moved?.isVerified == false && moved?.verifiedHomeroom == false && moved?.verifiedAt == nil)
            #expect(moved?.declaredHomeroom == true && moved?.joinedAt == 300)

            let listed = try await store.read { tx in
                (try SchoolMembership.members(tx, schoolID: erzhong.id, status: nil), try SchoolMembership.members(tx, schoolID: sizhong.id, status: .verified))
            }
            #expect(listed.0.map(\.member.accountID) == [2] && listed.0.first?.phone == "13900000002")
            #expect(listed.1.isEmpty)
        }
    }

    @Test("a county grant administers every school of the county, a school grant only its school", arguments: TestStores.Engine.allCases)
    func administers(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let erzhong = try await Self.school(store, "S1101010001")
            let shijia = try await Self.school(store, "S1101010003")
            let sizhong = try await Self.school(store, "S1101020001")
            let answers = try await store.write { tx in
                try AdminGrants.grant(tx, accountID: 1, role: .countyAdmin, scope: "110101", actor: AuditActor(), now: 1)
                try AdminGrants.grant(tx, accountID: 2, role: .schoolAdmin, scope: String(erzhong.id), actor: AuditActor(), now: 2)
                return try [(1, erzhong), (1, shijia), (1, sizhong), (2, erzhong), (2, shijia)].map { account, school in
                    try AdminGrants.administers(tx, accountID: account, schoolID: school.id)
                }
            }
            #expect(answers == [true, true, false, true, false])
            let grants = try await store.read { tx in try AdminGrants.list(tx, accountID: nil) }
            #expect(grants == [
                AdminGrant(accountID: 1, role: .countyAdmin, scope: "110101", grantedAt: 1),
                AdminGrant(accountID: 2, role: .schoolAdmin, scope: String(erzhong.id), grantedAt: 2),
            ])
            try await store.write { tx in try AdminGrants.revoke(tx, accountID: 1, role: .countyAdmin, scope: "110101", actor: AuditActor(), now: 3) }
            #expect(try await store.read { tx in try AdminGrants.administers(tx, accountID: 1, schoolID: shijia.id) } == false)
            let audit = try await store.read { tx in try tx.audit.entries(AuditFilter()).map(\.action) }
            #expect(audit == ["admin.revoke", "admin.grant", "admin.grant"])
        }
    }
}
