import Foundation
import Testing
@testable import Yanxiu

@Suite("The issuer key of a shared database")
struct SharedIssuerKeyTests {
    @Test("the first daemon's key becomes the database's, and every later daemon gets it", arguments: TestStores.Engine.allCases)
    func firstKeyWins(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            let (first, second) = (IssuerKey.generate(), IssuerKey.generate())
            let adopted = try await store.write { tx in try SharedIssuerKey.adopt(tx, candidate: first) }
            let later = try await store.write { tx in try SharedIssuerKey.adopt(tx, candidate: second) }
            #expect(adopted.created && adopted.key.seed == first.seed)
            #expect(!later.created && later.key.seed == first.seed)
        }
    }

    @Test("a configured key passes only when it is the database's key", arguments: TestStores.Engine.allCases)
    func configuredKeyChecked(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            let held = try await store.write { tx in try SharedIssuerKey.adopt(tx, candidate: IssuerKey.generate()) }.key
            try await store.write { tx in try SharedIssuerKey.check(tx, configured: held, origin: "the file") }
            let foreign = IssuerKey.generate()
            let refused = await #expect(throws: IssuerKeyFile.Failure.self) {
                try await store.write { tx in try SharedIssuerKey.check(tx, configured: foreign, origin: "/etc/yanxiu/issuer-key") }
            }
            #expect(refused?.description.contains("the issuer key of /etc/yanxiu/issuer-key (\(foreign.did)) is not the database's issuer key (\(held.did))") == true,
                    "\(String(describing: refused))")
        }
    }

    @Test("a database whose key lives in files records the public key only: a daemon without the file refuses to start", arguments: TestStores.Engine.allCases)
    func filesOnlyDatabase(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            let configured = IssuerKey.generate()
            try await store.write { tx in try SharedIssuerKey.check(tx, configured: configured, origin: "the file") }
            let stored = try await FixtureSQL.texts(store, "SELECT value FROM daemon_meta WHERE key = 'issuer-key'")
            #expect(stored == [configured.verificationMethod])
            try await store.write { tx in try SharedIssuerKey.check(tx, configured: configured, origin: "the file") }
            let refused = await #expect(throws: IssuerKeyFile.Failure.self) {
                try await store.write { tx in try SharedIssuerKey.adopt(tx, candidate: IssuerKey.generate()) }
            }
            #expect(refused?.description.contains("lives in key files") == true)
        }
    }
}
