import Foundation
import Postgres
import PostgresCluster
import Testing

/// Pipelines (many statements, one round trip), text the server cannot store, and a connection
/// dropped while idle, against a real server.
@Suite("Postgres client: pipelines and dropped connections")
struct PostgresPipelineTests {
    private func connection() throws -> PostgresConnection {
        try PostgresConnection(PostgresConnectionTests.cluster.get().conninfo(database: "postgres"))
    }

    @Test("a pipeline runs its statements in order, preparing new ones on the way, and returns each one's rows")
    func inOrder() throws {
        let db = try connection()
        try db.run("CREATE TEMP TABLE p (n BIGINT PRIMARY KEY, t TEXT NOT NULL)")
        let results = try db.pipeline([
            PostgresStatement("BEGIN"),
            PostgresStatement("INSERT INTO p SELECT * FROM unnest($1::bigint[], $2::text[])", [[Int64(1), 2, 3], ["a", "b", "c"]]),
            PostgresStatement("UPDATE p SET t = t || $1 WHERE n >= $2", ["!", Int64(2)]),
            PostgresStatement("SELECT string_agg(t, ',' ORDER BY n) FROM p"),
            PostgresStatement("COMMIT"),
        ])
        #expect(results.count == 5)
        #expect(results[1].affectedRows == 3)
        #expect(results[2].affectedRows == 2)
        #expect(results[3][0][0] as String == "a,b!,c!")
        #expect(!db.isInTransaction)
        // The statements prepared inside the pipeline are used again outside it.
        #expect(try db.execute("UPDATE p SET t = t || $1 WHERE n >= $2", ["?", Int64(3)]).affectedRows == 1)
        #expect(try db.execute("SELECT t FROM p WHERE n = 3")[0][0] as String == "c!?")
    }

    @Test("the first failure is thrown, the statements after it never run, and the connection stays usable")
    func firstFailureStops() throws {
        let db = try connection()
        try db.run("CREATE TEMP TABLE q (k TEXT PRIMARY KEY)")
        #expect {
            try db.pipeline([
                PostgresStatement("BEGIN"),
                PostgresStatement("INSERT INTO q VALUES ($1)", ["a"]),
                PostgresStatement("INSERT INTO q VALUES ($1)", ["a"]),
                PostgresStatement("INSERT INTO q VALUES ($1), ($2)", ["b", "c"]),
                PostgresStatement("COMMIT"),
            ])
        } throws: { error in
            (error as? PostgresError)?.isUniqueViolation == true
        }
        #expect(db.isOpen)
        #expect(db.isInTransaction, "the failed transaction waits for its ROLLBACK")
        try db.run("ROLLBACK")
        #expect(try db.execute("SELECT count(*) FROM q")[0][0] as Int64 == 0)
        // The statement whose preparation was skipped is prepared again when next used.
        #expect(try db.execute("INSERT INTO q VALUES ($1), ($2)", ["b", "c"]).affectedRows == 2)
        #expect(try db.pipeline([PostgresStatement("SELECT count(*) FROM q")])[0][0][0] as Int64 == 2)
    }

    @Test("text holding U+0000 is refused whole before anything is sent, never cut short")
    func nulRefused() throws {
        let db = try connection()
        try db.run("CREATE TEMP TABLE n (t TEXT)")
        for attempt in [
            { try db.execute("INSERT INTO n VALUES ($1)", ["before\u{0}after"]) },
            { try db.pipeline([PostgresStatement("INSERT INTO n VALUES ($1)", ["fine"]), PostgresStatement("INSERT INTO n VALUES ($1)", ["a\u{0}"])]) },
        ] as [() throws -> Void] {
            #expect {
                try attempt()
            } throws: { error in
                (error as? PostgresError)?.sqlState == "22021" && (error as? PostgresError)?.isUnavailability == false
            }
        }
        #expect(try db.execute("SELECT count(*) FROM n")[0][0] as Int64 == 0)
        #expect(db.isOpen)
    }

    @Test("a connection the server ended while it was idle is known lost without sending anything")
    func droppedWhileIdle() throws {
        let db = try connection()
        let other = try connection()
        #expect(db.isStillOpen)
        let pid = try db.execute("SELECT pg_backend_pid()")[0][0] as Int32
        try other.execute("SELECT pg_terminate_backend($1)", [Int64(pid)])
        // The server ends the backend after answering; the notice of it arrives shortly.
        var stillOpen = true
        for _ in 0..<100 where stillOpen {
            stillOpen = db.isStillOpen
            if stillOpen { usleep(20_000) }
        }
        #expect(!stillOpen)
        #expect(!db.isOpen)
        #expect(other.isStillOpen)
    }
}

@Suite("Postgres client: a server restarted under an idle connection")
struct PostgresRestartTests {
    @Test("after an immediate stop and a restart, an idle connection is known lost without sending anything")
    func restartedUnderIdleConnection() throws {
        let cluster = try PostgresCluster.start(.init(fsync: false))
        defer { cluster.remove() }
        let db = try PostgresConnection(cluster.conninfo(database: "postgres"))
        try db.execute("SELECT 1")
        try cluster.stop(mode: .immediate)
        try cluster.restart()
        #expect(!db.isStillOpen)
        let fresh = try PostgresConnection(cluster.conninfo(database: "postgres"))
        #expect(try fresh.execute("SELECT 41 + 1")[0][0] as Int32 == 42)
    }
}
