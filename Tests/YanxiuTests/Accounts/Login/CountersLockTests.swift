import Foundation
import Testing
@testable import Yanxiu

@Suite("Counting a phone's tries under its lock")
struct CountersLockTests {
    @Test("a transaction takes a phone's lock again, and other phones', without waiting for itself; the count goes on",
          arguments: TestStores.Engine.allCases)
    func reentrant(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            let guardian = LoginGuard()
            let refusals = try await store.write { tx -> [String] in
                try tx.accounts.lockCounters(phone: "13900000001")
                try tx.accounts.lockCounters(phone: "13900000002")
                var reasons: [String] = []
                for _ in 0..<5 {
                    if let locked = try guardian.lockErrorBeforeCounting(tx, phone: "13900000001", now: 1_000) { reasons.append(locked.reason) }
                    reasons.append(try guardian.recordFailure(tx, phone: "13900000001", account: nil, actor: AuditActor(accountID: nil, uid: 0), now: 1_000).reason)
                }
                return reasons
            }
            #expect(refusals == Array(repeating: "account.credentials_invalid", count: 4) + ["account.locked"])
        }
    }
}
