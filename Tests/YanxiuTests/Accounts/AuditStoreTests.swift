import Foundation
import JSONValues
import Testing
@testable import Yanxiu

/// The meanings of `AuditStore` operations that every engine must give alike.
@Suite("The audit store: filters, pages newest first, details as recorded")
struct AuditStoreTests {
    @Test("entries come newest first, filtered on every field given, a page below the last id seen", arguments: TestStores.Engine.allCases)
    func filtersAndPages(engine: TestStores.Engine) async throws {
        try await TestStores.withTransaction(engine) { tx in
            #expect(try tx.audit.entries(AuditFilter()) == [])
            try tx.audit.record(at: 10, actor: AuditActor(accountID: 7), action: "account.register", target: "account:7",
                                detail: ["phone": .string("139****0001"), "count": .int(2)])
            try tx.audit.record(at: 20, actor: AuditActor(uid: 0), action: "admin.grant", target: "account:7")
            try tx.audit.record(at: 30, actor: AuditActor(accountID: 7, uid: 1000), action: "account.register", target: "account:8")
            try tx.audit.record(at: 30, actor: AuditActor(), action: "account.login_failed", target: nil)

            let all = try tx.audit.entries(AuditFilter())
            #expect(all.map(\.at) == [30, 30, 20, 10])
            #expect(all.map(\.id) == all.map(\.id).sorted(by: >))
            #expect(all[0].target == nil && all[0].actorAccountID == nil && all[0].actorUid == nil && all[0].detail == [:])
            #expect(all[1].actorAccountID == 7 && all[1].actorUid == 1000)
            #expect(all[3] == AuditEntry(id: all[3].id, at: 10, actorAccountID: 7, actorUid: nil, action: "account.register",
                                         target: "account:7", detail: ["phone": .string("139****0001"), "count": .int(2)]))

            var filter = AuditFilter()
            filter.action = "account.register"
            #expect(try tx.audit.entries(filter).map(\.at) == [30, 10])
            filter.target = "account:7"
            #expect(try tx.audit.entries(filter).map(\.at) == [10])
            filter = AuditFilter()
            filter.actorAccountID = 7
            filter.since = 10
            filter.until = 30
            #expect(try tx.audit.entries(filter).map(\.at) == [10])
            filter = AuditFilter()
            filter.action = "Account.Register"
            #expect(try tx.audit.entries(filter) == [], "actions match exactly, case and all")

            filter = AuditFilter()
            filter.limit = 2
            let first = try tx.audit.entries(filter)
            filter.beforeID = first.last?.id
            let second = try tx.audit.entries(filter)
            #expect((first + second).map(\.id) == all.map(\.id))
        }
    }

    @Test("retention removes old anonymous login failures and locks only, at most the batch", arguments: TestStores.Engine.allCases)
    func pruneAnonymousFailures(engine: TestStores.Engine) async throws {
        try await TestStores.withTransaction(engine) { tx in
            for at in [1, 2, 3] as [Int64] {
                try tx.audit.record(at: at, actor: AuditActor(uid: 33), action: "account.login_failed", target: "phone:139****0001")
            }
            try tx.audit.record(at: 4, actor: AuditActor(uid: 33), action: "account.locked", target: "phone:139****0001")
            try tx.audit.record(at: 9, actor: AuditActor(uid: 33), action: "account.locked", target: "phone:139****0001")
            try tx.audit.record(at: 1, actor: AuditActor(accountID: 1, uid: 33), action: "account.login_failed", target: "account:1")
            try tx.audit.record(at: 1, actor: AuditActor(uid: 0), action: "admin.grant", target: "account:1")

            #expect(try tx.audit.pruneAnonymousFailures(recordedBy: 4, limit: 3) == 3)
            #expect(try tx.audit.pruneAnonymousFailures(recordedBy: 4, limit: 3) == 1)
            #expect(try tx.audit.pruneAnonymousFailures(recordedBy: 4, limit: 3) == 0)
            let left = try tx.audit.entries(AuditFilter())
            #expect(left.map(\.action).sorted() == ["account.locked", "account.login_failed", "admin.grant"])
            #expect(left.first { $0.action == "account.locked" }?.at == 9)
            #expect(left.first { $0.action == "account.login_failed" }?.actorAccountID == 1)
        }
    }
}
