import Foundation
import Testing
@testable import Yanxiu

/// `MembershipsStore` operations and refusals, the same on each engine.
@Suite("Memberships store")
struct MembershipsStoreTests {
    /// The sample directory, accounts 1 to 3, two topics; account 1 enrolled twice (the newer form
    /// declaring mental health only), account 2 twice at the same time (the later row leaving both out).
    static func seed(_ store: any StoreEngine) async throws {
        _ = try await store.write { tx in try SampleDirectory.loadIfEmpty(tx, now: 0) }
        let hash = SeedSQL.zeroByte(store)
        try await SeedSQL.run(store, """
            INSERT INTO account (id, phone, password_hash, created_at, updated_at)
                VALUES (1, '13900000001', 'x', 0, 0), (2, '13900000002', 'x', 0, 0), (3, '13900000003', 'x', 0, 0);
            INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
                VALUES ('t1', 'T1', 0, 10, '{}', \(hash), 0, 0), ('t2', 'T2', 0, 10, '{}', \(hash), 0, 0);
            INSERT INTO enrollment (id, account_id, topic_id, form, created_at) VALUES
                (1, 1, 't2', '{"isHomeroomTeacher":true,"isMentalHealthTeacher":false}', 5),
                (2, 1, 't1', '{"isMentalHealthTeacher":true}', 6),
                (3, 2, 't1', '{"isHomeroomTeacher":true,"isMentalHealthTeacher":true}', 7),
                (4, 2, 't2', '{"name":"x"}', 7);
            """)
    }

    static func schoolID(_ store: any StoreEngine, _ code: String) async throws -> Int64 {
        try #require(try await store.read { tx in try tx.directory.school(code: code)?.id })
    }

    @Test("the newest enrolment form's roles: by time, then by the later row", arguments: TestStores.Engine.allCases)
    func newestForm(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let roles = try await store.read { tx in
                try [1, 2, 3].map { try tx.memberships.rolesOnNewestEnrollmentForm(accountID: $0).map { [$0.mentalHealth, $0.homeroom] } }
            }
            #expect(roles == [[true, false], [false, false], nil])
        }
    }

    @Test("pending, declared, verified, moved, listed in joining order, removed; a second membership refused", arguments: TestStores.Engine.allCases)
    func memberships(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let erzhong = try await Self.schoolID(store, "S1101010001")
            let sizhong = try await Self.schoolID(store, "S1101020001")
            try await store.write { tx in
                let memberships = tx.memberships
                try memberships.insertPendingMember(accountID: 3, schoolID: erzhong, declaredMentalHealth: false, declaredHomeroom: true, joinedAt: 10)
                try memberships.insertPendingMember(accountID: 2, schoolID: erzhong, declaredMentalHealth: true, declaredHomeroom: false, joinedAt: 10)
                try memberships.insertPendingMember(accountID: 1, schoolID: erzhong, declaredMentalHealth: false, declaredHomeroom: false, joinedAt: 9)
                try memberships.declareRoles(accountID: 1, mentalHealth: nil, homeroom: true)
                try memberships.declareRoles(accountID: 2, mentalHealth: false, homeroom: nil)
                try memberships.declareRoles(accountID: 3, mentalHealth: nil, homeroom: nil)
                try memberships.markVerified(accountID: 3, mentalHealth: true, homeroom: false, verifierAccountID: nil, at: 20)
            }
            await #expect(throws: (any Error).self) {
                try await store.write { tx in
                    try tx.memberships.insertPendingMember(accountID: 1, schoolID: sizhong, declaredMentalHealth: false, declaredHomeroom: false, joinedAt: 11)
                }
            }
            let listed = try await store.read { tx in
                (try tx.memberships.members(schoolID: erzhong, status: nil), try tx.memberships.members(schoolID: erzhong, status: .pending),
                 try tx.memberships.members(schoolID: erzhong, status: .verified))
            }
            #expect(listed.0.map(\.member.accountID) == [1, 2, 3])
            #expect(listed.1.map(\.member.accountID) == [1, 2] && listed.2.map(\.member.accountID) == [3])
            #expect(listed.0.map(\.phone) == ["13900000001", "13900000002", "13900000003"] && listed.0.allSatisfy { $0.name == nil && $0.idNumber == nil })
            #expect(listed.0[0].member == SchoolMember(
                accountID: 1, schoolID: erzhong, declaredMentalHealth: false, declaredHomeroom: true, isVerified: false,
                verifiedMentalHealth: false, verifiedHomeroom: false, verifiedAt: nil, joinedAt: 9))
            #expect(listed.0[1].member.declaredMentalHealth == false && listed.0[1].member.declaredHomeroom == false)
            #expect(listed.2[0].member == SchoolMember(
                accountID: 3, schoolID: erzhong, declaredMentalHealth: false, declaredHomeroom: true, isVerified: true,
                verifiedMentalHealth: true, verifiedHomeroom: false, verifiedAt: 20, joinedAt: 10))

            try await store.write { tx in
                try tx.memberships.declareRoles(accountID: 3, mentalHealth: true, homeroom: false)
                try tx.memberships.moveMember(accountID: 3, toSchool: sizhong, joinedAt: 30)
                try tx.memberships.removeMember(accountID: 2)
                // No membership: nothing changes.
                try tx.memberships.moveMember(accountID: 2, toSchool: sizhong, joinedAt: 31)
                try tx.memberships.declareRoles(accountID: 2, mentalHealth: true, homeroom: true)
                try tx.memberships.markVerified(accountID: 2, mentalHealth: true, homeroom: true, verifierAccountID: 1, at: 32)
            }
            let after = try await store.read { tx in
                (try tx.memberships.member(accountID: 3), try tx.memberships.member(accountID: 2), try tx.memberships.members(schoolID: erzhong, status: nil))
            }
            #expect(after.0 == SchoolMember(
                accountID: 3, schoolID: sizhong, declaredMentalHealth: true, declaredHomeroom: false, isVerified: false,
                verifiedMentalHealth: false, verifiedHomeroom: false, verifiedAt: nil, joinedAt: 30))
            #expect(after.1 == nil && after.2.map(\.member.accountID) == [1])
        }
    }

    @Test("grants in the order made, exact scopes, administering, a second grant refused", arguments: TestStores.Engine.allCases)
    func grants(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let erzhong = try await Self.schoolID(store, "S1101010001")
            let sizhong = try await Self.schoolID(store, "S1101020001")
            let made = [
                AdminGrant(accountID: 3, role: .schoolAdmin, scope: String(sizhong), grantedAt: 1),
                AdminGrant(accountID: 1, role: .countyAdmin, scope: "110101", grantedAt: 2),
                AdminGrant(accountID: 3, role: .countyAdmin, scope: "110101", grantedAt: 3),
            ]
            try await store.write { tx in for grant in made { try tx.memberships.insertGrant(grant) } }
            await #expect(throws: (any Error).self) {
                try await store.write { tx in try tx.memberships.insertGrant(AdminGrant(accountID: 1, role: .countyAdmin, scope: "110101", grantedAt: 4)) }
            }
            let answers = try await store.read { tx in
                let memberships = tx.memberships
                return (try memberships.grants(accountID: nil), try memberships.grants(accountID: 3), try memberships.grants(accountID: 2),
                        try [(1, erzhong), (1, sizhong), (3, sizhong), (2, erzhong)].map { try memberships.administers(accountID: $0, schoolID: $1) },
                        try [memberships.holdsGrant(accountID: 1, role: .countyAdmin, scope: "110101"),
                             memberships.holdsGrant(accountID: 1, role: .countyAdmin, scope: "11010"),
                             memberships.holdsGrant(accountID: 1, role: .schoolAdmin, scope: "110101")],
                        try [memberships.accountExists(id: 3), memberships.accountExists(id: 4)])
            }
            #expect(answers.0 == made && answers.1 == [made[0], made[2]] && answers.2.isEmpty)
            #expect(answers.3 == [true, false, true, false])
            #expect(answers.4 == [true, false, false] && answers.5 == [true, false])

            try await store.write { tx in
                try tx.memberships.deleteGrant(accountID: 3, role: .countyAdmin, scope: "110101")
                try tx.memberships.deleteGrant(accountID: 2, role: .countyAdmin, scope: "110101")
            }
            #expect(try await store.read { tx in try tx.memberships.grants(accountID: nil) } == [made[0], made[1]])
        }
    }
}
