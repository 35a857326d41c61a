import Foundation
import Testing
@testable import Yanxiu

@Suite("The daemon's own records: first-start steps, schema version, last backup")
struct OperationsStoreTests {
    @Test("a first-start step is claimed once per database", arguments: TestStores.Engine.allCases)
    func firstStartOnce(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            let first = try await store.write { tx in try tx.operations.claimFirstStart("catalog.seeded", now: 1_000) }
            let again = try await store.write { tx in try tx.operations.claimFirstStart("catalog.seeded", now: 2_000) }
            let other = try await store.write { tx in try tx.operations.claimFirstStart("directory.seeded", now: 3_000) }
            #expect(first && !again && other)
            let recorded = try await FixtureSQL.texts(store, "SELECT value FROM daemon_meta WHERE key = 'catalog.seeded'")
            #expect(recorded == [Timestamp.format(1_000)])
        }
    }

    @Test("the schema version counts the migrations the database has had", arguments: TestStores.Engine.allCases)
    func schemaVersion(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            let version = try await store.read { tx in try tx.operations.schemaVersion() }
            let expected = switch engine {
            case .sqlite: try await FixtureSQL.integer(store, "SELECT COUNT(*) FROM grdb_migrations")
            case .postgresql: try await FixtureSQL.integer(store, "SELECT COUNT(*) FROM yanxiu_migrations")
            }
            #expect(version > 0 && Int64(version) == expected)
        }
    }

    @Test("the last backup replaces the one before; none is nil", arguments: TestStores.Engine.allCases)
    func lastBackup(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            #expect(try await store.read { tx in try tx.operations.lastBackup() } == nil)
            let first = BackupSummary(path: "backups/a.sqlite", bytes: 4096, pages: 1, milliseconds: 12, at: 1_000)
            let second = BackupSummary(path: "backups/b.sqlite", bytes: 8192, pages: 2, milliseconds: 15, at: 2_000)
            try await store.write { tx in try tx.operations.recordBackup(first) }
            try await store.write { tx in try tx.operations.recordBackup(second) }
            #expect(try await store.read { tx in try tx.operations.lastBackup() } == second)
            #expect(try await FixtureSQL.integer(store, "SELECT COUNT(*) FROM daemon_meta WHERE key = 'backup.last'") == 1)
        }
    }
}
