import Foundation
import GRDB
import Synchronization
import Testing
@testable import Yanxiu

@Suite("Online backup of the store")
struct StoreBackupTests {
    static func scratch() -> String {
        let folder = NSTemporaryDirectory() + "yanxiu-backup-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a backup taken while writes keep committing is one consistent snapshot holding every earlier write")
    func backupWhileWriting() async throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteStore(path: folder + "/yanxiu.sqlite")
        for index in 0..<500 { try await Self.insertMeta(store, index) }

        // Writers keep going for the whole backup.
        let stop = Atomic(false)
        let committed = Atomic(500)
        let writers = Task.detached {
            var index = 500
            while !stop.load(ordering: .relaxed) {
                try await Self.insertMeta(store, index)
                index += 1
                committed.store(index, ordering: .relaxed)
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        let before = committed.load(ordering: .relaxed)
        let summary = try await Offload.run { try store.backup(to: folder + "/copy.sqlite", pagesPerStep: 1) }
        stop.store(true, ordering: .relaxed)
        try await writers.value

        #expect(summary.bytes > 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/copy.sqlite.partial"))
        let copy = try DatabaseQueue(path: folder + "/copy.sqlite")
        let (check, keys, mode) = try await copy.read { db in
            (try String.fetchOne(db, sql: "PRAGMA integrity_check"),
             try String.fetchAll(db, sql: "SELECT key FROM daemon_meta WHERE key LIKE 'test.%'"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(check == "ok")
        #expect(mode == "delete", "the copy is one self-contained file")
        let indexes = Set(keys.map { Int($0.dropFirst("test.".count))! })
        // Everything committed before the backup began is in it, and what it holds has no gaps:
        // a snapshot of one moment, not a mix of pages from several.
        #expect(indexes.count >= before)
        #expect(indexes == Set(0..<indexes.count))
    }

    @Test("a backup never overwrites an existing file")
    func neverOverwrites() throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteStore(path: folder + "/yanxiu.sqlite")
        _ = FileManager.default.createFile(atPath: folder + "/taken.sqlite", contents: Data("precious".utf8))
        #expect(throws: BackupError.exists(folder + "/taken.sqlite")) { try store.backup(to: folder + "/taken.sqlite") }
        #expect(FileManager.default.contents(atPath: folder + "/taken.sqlite") == Data("precious".utf8))
    }

    static func insertMeta(_ store: SQLiteStore, _ index: Int) async throws {
        try await store.writeDatabase { db in
            try db.execute(sql: "INSERT INTO daemon_meta (key, value) VALUES (?, 'x')", arguments: ["test.\(index)"])
        }
    }
}
