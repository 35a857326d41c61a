import Foundation
import GRDB
import Testing
@testable import Yanxiu

@Suite("Group-commit writer on a full disk")
struct GroupCommitWriterFullDiskTests {
    /// SQLite rolls a transaction back by itself when the file cannot grow; the units after
    /// the failing one must not run outside the transaction and commit behind their callers' backs.
    @Test("a unit that fills the disk mid-batch: each caller's answer matches what was kept, and failures are store.unavailable")
    func fullInTheMiddleOfABatch() async throws {
        let (store, directory) = try GroupCommitWriterTests.makeStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await store.writeDatabase { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
        }
        // Holding the writer makes the units below wait together and commit as one batch.
        async let hold: Void = store.writeDatabase { _ in Thread.sleep(forTimeInterval: 0.3) }
        try await Task.sleep(for: .milliseconds(50))
        let outcomes = await withTaskGroup(of: (String, (any Error)?).self) { group in
            for n in 0..<40 {
                // Big values need new pages (and fail); small ones fit in the free space there is.
                let value = n % 2 == 0 ? "\(n)-" + String(repeating: "x", count: 3000) : "\(n)"
                group.addTask {
                    do {
                        try await store.writeDatabase { db in try db.execute(sql: "INSERT INTO item (owner, value) VALUES (1, ?)", arguments: [value]) }
                        return (value, nil)
                    } catch {
                        return (value, error)
                    }
                }
            }
            var all: [(String, (any Error)?)] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        try await hold
        #expect(outcomes.contains { $0.1 != nil }, "the disk never filled")
        for (value, error) in outcomes {
            let kept = try await store.readDatabase { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item WHERE value = ?", arguments: [value]) } == 1
            if let error {
                #expect(!kept, "\(value.prefix(8)): failed but kept")
                guard case StoreError.unavailable? = error as? StoreError else {
                    Issue.record("\(value.prefix(8)): \(error)")
                    continue
                }
            } else {
                #expect(kept, "\(value.prefix(8)): answered but not kept")
            }
        }
        let check = try await store.readDatabase { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
    }
}
