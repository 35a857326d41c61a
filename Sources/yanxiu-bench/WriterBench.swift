import ArgumentParser
import Foundation
import GRDB
import Yanxiu

/// `yanxiu-bench writer`: committed units per second through the group-commit writer.
struct WriterBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "writer", abstract: "Group-commit writer throughput with concurrent callers.")

    @Option(help: "Concurrent callers.") var callers = 64
    @Option(help: "Units each caller commits.") var units = 2000
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let directory = NSTemporaryDirectory() + "yanxiu-bench-writer-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteStore(path: directory + "/bench.sqlite")
        try await store.writeDatabase { db in
            try db.execute(sql: "CREATE TABLE bench (id INTEGER PRIMARY KEY, caller INTEGER NOT NULL, n INTEGER NOT NULL, payload TEXT NOT NULL)")
        }
        let start = ContinuousClock.now
        let perCaller = units
        try await withThrowingTaskGroup(of: Void.self) { group in
            for caller in 0..<callers {
                group.addTask {
                    for n in 0..<perCaller {
                        try await store.writeDatabase { db in
                            try db.cachedStatement(sql: "INSERT INTO bench (caller, n, payload) VALUES (?, ?, ?)")
                                .execute(arguments: [caller, n, "heartbeat-sized payload of about sixty bytes, like a journal row"])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let stats = store.writer.statistics
        let total = callers * units
        let perSecond = Double(total) / seconds
        let meanBatch = Double(stats.units) / Double(max(stats.batches, 1))
        let meanCommitMs = Double(stats.totalCommitNanoseconds) / Double(max(stats.batches, 1)) / 1e6
        if json {
            print(#"{"callers":\#(callers),"units":\#(total),"seconds":\#(seconds),"unitsPerSecond":\#(Int(perSecond)),"batches":\#(stats.batches),"meanBatch":\#(meanBatch),"largestBatch":\#(stats.largestBatch),"meanCommitMs":\#(meanCommitMs)}"#)
        } else {
            print(String(format: "group-commit writer: %d callers, %d units in %.2f s", callers, total, seconds))
            print(String(format: "  %.0f committed units/s, %d commits (fsyncs), mean batch %.1f, largest %d, mean commit %.2f ms",
                         perSecond, stats.batches, meanBatch, stats.largestBatch, meanCommitMs))
        }
    }
}
