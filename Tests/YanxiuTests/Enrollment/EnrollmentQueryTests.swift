import JSONRPC
import Testing
@testable import Yanxiu

@Suite("Enrolment lists: administrators see their schools, page by page")
struct EnrollmentQueryTests {
    /// Accounts 21-23 at school 1, 24 at school 2 (both county 110101), 25-26 at school 3 (county 110102), all enrolled;
    /// account 30 administers school 1, 31 county 110101, 32 nothing.
    static func withEnrollments(_ engine: TestStores.Engine, _ body: (any Store) async throws -> Void) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            try await EnrollmentFixtures.prepare(store)
            for (id, school) in [(21, 1), (22, 1), (23, 1), (24, 2), (25, 3), (26, 3)] as [(Int64, Int64)] {
                try await EnrollmentFixtures.addAccount(store, id: id, schoolID: school)
                _ = try await EnrollmentFixtures.enroll(store, accountID: id, form: EnrollmentFixtures.form.setting("schoolId", .int64(school)))
            }
            for id: Int64 in [30, 31, 32] { try await EnrollmentFixtures.addAccount(store, id: id, identity: "administrator") }
            try await FixtureSQL.execute(
                store, "INSERT INTO admin_grant (account_id, role, scope, granted_at) VALUES (30, 'schoolAdmin', '1', 0), (31, 'countyAdmin', '110101', 0)")
            try await body(store)
        }
    }

    static func accounts(_ store: any Store, scopeOf admin: Int64?, school: Int64? = nil) async throws -> [Int64] {
        try await store.read { tx in
            let scope = try admin.map { try EnrollmentScope.of(tx, accountID: $0) } ?? .operator_
            return try EnrollmentQuery.list(tx, topicID: "t-small", schoolID: school, scope: scope, cursor: nil, limit: 100).records.map(\.accountID)
        }
    }

    @Test("operators see every school; a school administrator one school; a county administrator the county's schools", arguments: TestStores.Engine.allCases)
    func scopes(_ engine: TestStores.Engine) async throws {
        try await Self.withEnrollments(engine) { store in
            let everyone = try await Self.accounts(store, scopeOf: nil)
            let oneSchool = try await Self.accounts(store, scopeOf: nil, school: 3)
            let schoolAdmin = try await Self.accounts(store, scopeOf: 30)
            let countyAdmin = try await Self.accounts(store, scopeOf: 31)
            let countyAdminOneSchool = try await Self.accounts(store, scopeOf: 31, school: 2)
            #expect(everyone == [21, 22, 23, 24, 25, 26])
            #expect(oneSchool == [25, 26])
            #expect(schoolAdmin == [21, 22, 23])
            #expect(countyAdmin == [21, 22, 23, 24])
            #expect(countyAdminOneSchool == [24])
        }
    }

    @Test("a school outside the scope and an account without grants are refused with 403", arguments: TestStores.Engine.allCases)
    func outsideScope(_ engine: TestStores.Engine) async throws {
        try await Self.withEnrollments(engine) { store in
            let outside = await TopicImporterTests.refusal { _ = try await Self.accounts(store, scopeOf: 31, school: 3) }
            #expect(outside?.kind == .forbidden && outside?.reason == "auth.forbidden")
            let sibling = await TopicImporterTests.refusal { _ = try await Self.accounts(store, scopeOf: 30, school: 2) }
            #expect(sibling?.kind == .forbidden)
            let nobody = await TopicImporterTests.refusal { _ = try await Self.accounts(store, scopeOf: 32) }
            #expect(nobody?.kind == .forbidden && nobody?.reason == "auth.forbidden")
            let unknown = await TopicImporterTests.refusal { _ = try await Self.accounts(store, scopeOf: nil, school: 99) }
            #expect(unknown?.kind == .notFound && unknown?.reason == "school.unknown")
        }
    }

    @Test("pages follow the cursor to the end without repeats or gaps, and count the total", arguments: TestStores.Engine.allCases)
    func paging(_ engine: TestStores.Engine) async throws {
        try await Self.withEnrollments(engine) { store in
            var seen: [Int64] = []
            var cursor: Int64?
            var pages = 0
            repeat {
                let page = try await store.read { [cursor] tx in
                    try EnrollmentQuery.list(tx, topicID: "t-small", schoolID: nil, scope: .operator_, cursor: cursor, limit: 4)
                }
                #expect(page.total == 6)
                seen += page.records.map(\.accountID)
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil
            #expect(pages == 2)
            #expect(seen == [21, 22, 23, 24, 25, 26])
        }
    }

    @Test("records carry the school, the form and the verification status", arguments: TestStores.Engine.allCases)
    func recordContents(_ engine: TestStores.Engine) async throws {
        try await Self.withEnrollments(engine) { store in
            let record = try await store.read { tx in
                try EnrollmentQuery.list(tx, topicID: "t-small", schoolID: 3, scope: .operator_, cursor: nil, limit: 1).records[0]
            }
            #expect(record.schoolName == "西城实验学校" && record.regionCode == "110102")
            #expect(record.form.isMentalHealthTeacher && record.form.subject == "mentalHealth")
            #expect(record.membership.status == "pending")
            #expect(record.phone == "13900000025")
        }
    }

    @Test("the store lists members by their school now, and one without a membership at its profile's school, to operators only",
          arguments: TestStores.Engine.allCases)
    func membershipDecidesTheSchool(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            try await EnrollmentFixtures.prepare(store)
            let schools: [(Int64, Int64)] = [(21, 1), (22, 1), (23, 1), (24, 2), (25, 3), (26, 3), (27, 3)]
            for (id, school) in schools {
                try await EnrollmentFixtures.addAccount(store, id: id, schoolID: school, membership: id == 27 ? nil : "pending")
            }
            for id: Int64 in [30, 31, 32] { try await EnrollmentFixtures.addAccount(store, id: id, identity: "administrator") }
            try await FixtureSQL.execute(store, """
                INSERT INTO admin_grant (account_id, role, scope, granted_at)
                VALUES (31, 'countyAdmin', '110101', 0), (30, 'schoolAdmin', '1', 0), (32, 'countyAdmin', '110102', 0), (32, 'schoolAdmin', '3', 0)
                """)
            let form = try EnrollmentFixtures.readForm()
            try await store.write { tx in
                for (id, school) in schools {
                    var own = form
                    own.schoolId = school
                    try tx.enrollments.insert(accountID: id, topicID: "t-small", form: own, now: 1)
                }
            }
            #expect(try await Self.accounts(store, scopeOf: nil) == [21, 22, 23, 24, 25, 26, 27])
            #expect(try await Self.accounts(store, scopeOf: nil, school: 3) == [25, 26])
            #expect(try await Self.accounts(store, scopeOf: 30) == [21, 22, 23])
            #expect(try await Self.accounts(store, scopeOf: 31) == [21, 22, 23, 24])
            #expect(try await Self.accounts(store, scopeOf: 32) == [25, 26])
            #expect(try await Self.accounts(store, scopeOf: 32, school: 3) == [25, 26])
            let pages = try await store.read { tx in
                var pages: [EnrollmentQuery.Page] = []
                var cursor: Int64?
                repeat {
                    let page = try EnrollmentQuery.list(tx, topicID: "t-small", schoolID: nil, scope: .operator_, cursor: cursor, limit: 3)
                    pages.append(page)
                    cursor = page.nextCursor
                } while cursor != nil
                return pages
            }
            #expect(pages.map { $0.records.map(\.accountID) } == [[21, 22, 23], [24, 25, 26], [27]])
            #expect(pages.allSatisfy { $0.total == 7 })
            let withoutMembership = try #require(pages.last?.records.first)
            #expect(withoutMembership.schoolID == 3 && withoutMembership.schoolName == "西城实验学校" && withoutMembership.membership.status == nil)
            #expect(!withoutMembership.membership.verifiedMentalHealthTeacher && !withoutMembership.membership.verifiedHomeroomTeacher)
            #expect(pages[1].records.map(\.membership.status) == ["pending", "pending", "pending"])
        }
    }
}
