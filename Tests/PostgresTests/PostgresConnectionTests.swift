import Foundation
import Postgres
import PostgresCluster
import Testing

/// The libpq client against a real server: values in and out, arrays, errors and lost connections.
@Suite("Postgres client: values, arrays, errors")
struct PostgresConnectionTests {
    /// One cluster for the suite, removed when the test process exits.
    static let cluster: Result<PostgresCluster, any Error> = {
        let started = Result { try PostgresCluster.start(.init(fsync: false)) }
        if case .success = started { atexit { if case .success(let cluster) = PostgresConnectionTests.cluster { cluster.remove() } } }
        return started
    }()

    private func connection() throws -> PostgresConnection {
        try PostgresConnection(Self.cluster.get().conninfo(database: "postgres"))
    }

    @Test("every bindable type reads back as itself, NULLs included")
    func roundTrip() throws {
        let db = try connection()
        let bytes = Data([0, 1, 0x5c, 0x78, 0xff])
        let row = try db.execute(
            "SELECT $1::bigint, $2::text, $3::bytea, $4::boolean, $5::float8, $6::bigint, $7::text, $8::int4, $9::int2",
            [Int64.min, "中文 \"quoted\" \\ back", bytes, true, 0.1, Int64?.none, String?.none, 42, 7])[0]
        #expect(row[0] as Int64 == Int64.min)
        #expect(row[1] as String == "中文 \"quoted\" \\ back")
        #expect(row[2] as Data == bytes)
        #expect(row[3] as Bool == true)
        #expect(row[4] as Double == 0.1)
        #expect(row[5] as Int64? == nil)
        #expect(row[6] as String? == nil)
        #expect(row[7] as Int64 == 42)
        #expect(row[8] as Int == 7)
    }

    @Test("arrays bind as array literals: strings with quotes and backslashes, NULLs, bytea hex")
    func arrays() throws {
        let db = try connection()
        let texts = ["a", "b,c", "\"q\"", "back\\slash", "{brace}", ""]
        let back = try db.execute("SELECT t FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n", [texts]).map { $0[0] as String }
        #expect(back == texts)
        let numbers: [Int64?] = [1, nil, -3]
        let sums = try db.execute("SELECT count(*), count(x), sum(x)::bigint FROM unnest($1::bigint[]) AS u(x)", [numbers])[0]
        #expect((sums[0] as Int64, sums[1] as Int64, sums[2] as Int64) == (3, 2, -2))
        let blobs = [Data([0, 0xff]), Data(), Data("x".utf8)]
        let stored = try db.execute("SELECT b FROM unnest($1::bytea[]) WITH ORDINALITY AS u(b, n) ORDER BY n", [PostgresByteaArray(blobs)]).map { $0[0] as Data }
        #expect(stored == blobs)
    }

    @Test("a statement's error carries its SQLSTATE; a unique violation is recognised; the connection stays usable")
    func errors() throws {
        let db = try connection()
        try db.run("CREATE TEMP TABLE u (k TEXT PRIMARY KEY)")
        try db.execute("INSERT INTO u VALUES ($1)", ["a"])
        #expect {
            try db.execute("INSERT INTO u VALUES ($1)", ["a"])
        } throws: { error in
            (error as? PostgresError)?.isUniqueViolation == true && (error as? PostgresError)?.isUnavailability == false
        }
        #expect(throws: PostgresError.self) { try db.execute("SELECT no_such_column FROM u") }
        #expect(try db.execute("SELECT count(*) FROM u")[0][0] as Int64 == 1)
        #expect(try db.execute("DELETE FROM u WHERE k = $1", ["a"]).affectedRows == 1)
    }

    @Test("a connection the server ends reports itself lost, as unavailability")
    func lostConnection() throws {
        let db = try connection()
        let other = try connection()
        let pid = try db.execute("SELECT pg_backend_pid()")[0][0] as Int32
        try other.execute("SELECT pg_terminate_backend($1)", [Int64(pid)])
        #expect {
            try db.execute("SELECT 1")
        } throws: { error in
            (error as? PostgresError)?.isUnavailability == true
        }
        #expect(!db.isOpen)
    }

    @Test("a password in the connection string is found in both forms")
    func passwordDetection() {
        #expect(PostgresConnectionString.holdsPassword("host=h dbname=d password=secret"))
        #expect(PostgresConnectionString.holdsPassword("postgresql://u:secret@h/d"))
        #expect(!PostgresConnectionString.holdsPassword("postgresql://u@h1,h2/d?target_session_attrs=read-write"))
        #expect(!PostgresConnectionString.holdsPassword("host=h dbname=d passfile=/run/credentials/x"))
    }
}
