import Foundation
import GRDB
import Testing
@testable import Yanxiu

@Suite("Group-commit writer")
struct GroupCommitWriterTests {
    /// A scratch database on disk with one table for the tests.
    static func makeStore() throws -> (SQLiteStore, String) {
        let directory = NSTemporaryDirectory() + "yanxiu-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory + "/test.sqlite")
        try store.pool.write { db in
            try db.execute(sql: "CREATE TABLE item (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL, value TEXT NOT NULL UNIQUE)")
            try db.execute(sql: "CREATE TABLE parent (id INTEGER PRIMARY KEY)")
            try db.execute(sql: "CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)")
        }
        return (store, directory)
    }

    @Test("concurrent writers: each is resumed only after its own unit is committed and visible")
    func concurrentWriters() async throws {
        let (store, directory) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for owner in 0..<64 {
                group.addTask {
                    for n in 0..<20 {
                        let value = "\(owner)-\(n)"
                        try await store.writeDatabase { db in
                            try db.execute(sql: "INSERT INTO item (owner, value) VALUES (?, ?)", arguments: [owner, value])
                        }
                        // Resumed means committed: another connection already sees the row.
                        let seen = try await store.readDatabase { db in
                            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item WHERE value = ?", arguments: [value])
                        }
                        #expect(seen == 1)
                    }
                }
            }
            try await group.waitForAll()
        }
        let total = try await store.readDatabase { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item") }
        #expect(total == 64 * 20)
        let stats = store.writer.statistics
        #expect(stats.units >= 64 * 20)
        #expect(stats.batches < stats.units, "units shared transactions")
        #expect(stats.largestBatch > 1)
    }

    @Test("a failing unit is rolled back alone; its neighbours in the batch commit")
    func failingUnit() async throws {
        let (store, directory) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await store.writeDatabase { db in try db.execute(sql: "INSERT INTO item (owner, value) VALUES (0, 'taken')") }
        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for n in 0..<50 {
                group.addTask {
                    do {
                        try await store.writeDatabase { db in
                            try db.execute(sql: "INSERT INTO item (owner, value) VALUES (?, ?)", arguments: [n, "row-\(n)"])
                            if n % 5 == 0 {
                                // Half-applied work must vanish with the failing unit.
                                try db.execute(sql: "INSERT INTO item (owner, value) VALUES (?, 'taken')", arguments: [n])
                            }
                        }
                        return (n, true)
                    } catch {
                        return (n, false)
                    }
                }
            }
            var results: [Int: Bool] = [:]
            for await (n, ok) in group { results[n] = ok }
            return results
        }
        for n in 0..<50 { #expect(results[n] == (n % 5 != 0)) }
        let rows = try await store.readDatabase { db in try String.fetchAll(db, sql: "SELECT value FROM item WHERE value LIKE 'row-%'") }
        #expect(Set(rows) == Set((0..<50).filter { $0 % 5 != 0 }.map { "row-\($0)" }))
    }

    @Test("when the commit itself fails, every caller in the batch gets the error and nothing is stored")
    func failingCommit() async throws {
        let (store, directory) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A deferred foreign key is checked at COMMIT: one bad unit makes the whole commit fail.
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                (try? await store.writeDatabase { db in try db.execute(sql: "INSERT INTO child (parent) VALUES (999)") }) != nil
            }
            var outcomes: [Bool] = []
            for await ok in group { outcomes.append(ok) }
            return outcomes
        }
        #expect(outcomes == [false])
        let children = try await store.readDatabase { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM child") }
        #expect(children == 0)
        // The writer keeps working afterwards.
        try await store.writeDatabase { db in try db.execute(sql: "INSERT INTO item (owner, value) VALUES (1, 'after')") }
        let after = try await store.readDatabase { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item WHERE value = 'after'") }
        #expect(after == 1)
    }

    @Test("the database runs in WAL mode with synchronous=FULL and foreign keys on")
    func pragmas() async throws {
        let (store, directory) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (mode, sync, fk) = try await store.readDatabase { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)
        #expect(fk == 1)
        let version = try store.schemaVersion()
        #expect(version == Migrations.latestVersion)
    }

    @Test("close waits for pending work and later writes are refused with 503")
    func closing() async throws {
        let (store, directory) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await store.writeDatabase { db in try db.execute(sql: "INSERT INTO item (owner, value) VALUES (1, 'x')") }
        try store.close()
        await #expect(throws: StoreError.self) {
            try await store.writeDatabase { db in try db.execute(sql: "INSERT INTO item (owner, value) VALUES (1, 'y')") }
        }
    }
}
