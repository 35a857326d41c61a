import Foundation

/// SQL straight on a daemon folder's database, whichever store the tests run on: the sqlite3
/// shell on `yanxiu.sqlite`, or psql on the folder's PostgreSQL database. Rows come back as
/// `a|b` lines either way; write queries whose values print alike on both (0/1, not booleans).
enum StateDatabase {
    private static func shell(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try EndToEndTests.run(executable, arguments)
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    @discardableResult
    static func run(_ sql: String, directory: String) throws -> String {
        switch LiveDaemon.store {
        case .sqlite:
            let result = try shell("/usr/bin/sqlite3", [directory + "/yanxiu.sqlite", sql])
            guard result.status == 0 else { throw Failed(description: "sqlite3 failed: \(result.output)") }
            return result.output
        case .postgresql:
            return try SharedPostgres.cluster().psql(sql, database: SharedPostgres.database(for: directory))
        }
    }
}
