import Foundation
import GRDB
import JSONRPC
import Yanxiu

/// Fault injection for the reliability tests: registered only with `--test-clock`, never in
/// the shipped units, and only for operators.
///
/// They act on the real writer so that the tests observe what a real fault would cause: a
/// writer stuck in a commit, or a database that cannot grow (as on a full disk).
struct FaultMethods {
    let store: any Store
    /// The SQLite engine, for the fault only it can have (a database capped in size); nil on PostgreSQL.
    let sqlite: SQLiteStore?

    func descriptors() -> [MethodDescriptor] {
        let store = self.store
        return [
            MethodDescriptor(
                "testFault.stallWriter", "Holds the store's writer inside a commit for a while (as a hung disk would).", access: .operator,
                params: [.number("seconds", "how long the writer is held, at most 60")], result: "{stalledMs}"
            ) { call in
                guard let seconds = call.params.double("seconds"), seconds >= 0, seconds <= 60 else {
                    throw RPCError.invalidParams(field: "seconds", reason: "range")
                }
                try await store.write { _ in Thread.sleep(forTimeInterval: seconds) }
                return ["stalledMs": .int64(Int64(seconds * 1000))]
            },
            MethodDescriptor(
                "testFault.delaySessionFill",
                "The next count session proofs (default 1) wait this long between reading the session and caching it, so a revocation can land in between; answers how many proofs are waiting now.",
                access: .operator,
                params: [.number("seconds", "how long each waits, at most 10"), .integer("count", required: false, "how many proofs wait (default 1)", minimum: 0)],
                result: "{armed, waiting}"
            ) { call in
                guard let seconds = call.params.double("seconds"), seconds >= 0, seconds <= 10 else {
                    throw RPCError.invalidParams(field: "seconds", reason: "range")
                }
                let count = call.params.int("count") ?? 1
                let waiting = SessionCache.shared.delayFills(count: count, seconds: seconds)
                return ["armed": .int(count), "waiting": .int(waiting)]
            },
        ] + (sqlite.map(Self.sqliteDescriptors) ?? [])
    }

    private static func sqliteDescriptors(_ store: SQLiteStore) -> [MethodDescriptor] {
        [
            MethodDescriptor(
                "testFault.limitDatabase",
                "Caps the database at its current size plus extraPages (SQLite's max_page_count), as a full disk would; without extraPages lifts the cap.",
                access: .operator, params: [.integer("extraPages", required: false, minimum: 0)], result: "{pageCount, maxPageCount}"
            ) { call in
                let extra = call.params.int64("extraPages")
                // max_page_count is a setting of the connection, so it is set on the writer's own.
                let (pages, limit) = try await store.writeDatabase { db -> (Int64, Int64) in
                    let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                    let wanted = extra.map { pages + $0 } ?? Int64(UInt32.max - 1)
                    let limit = try Int64.fetchOne(db, sql: "PRAGMA max_page_count = \(wanted)") ?? wanted
                    return (pages, limit)
                }
                return ["pageCount": .int64(pages), "maxPageCount": .int64(limit)]
            },
        ]
    }
}
