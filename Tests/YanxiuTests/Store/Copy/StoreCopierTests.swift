import Foundation
import GRDB
import Postgres
import Testing
@testable import Yanxiu

/// `StoreCopier` between a real SQLite file and a real PostgreSQL database: values that are easy
/// to get wrong arrive exactly, and a copy that fails leaves no row behind.
@Suite("Copying a SQLite database into PostgreSQL")
struct StoreCopierTests {
    /// Text that array literals and quoting could mangle, and text that merely looks like NULL.
    static let awkward = "他说\"好\"\\ {a,b}, NULL\t'x'"

    /// A migrated SQLite database in a temporary folder holding `rows`, closed again.
    static func sqlite(_ rows: String) async throws -> String {
        let directory = NSTemporaryDirectory() + "yanxiu-copy-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory + "/yanxiu.sqlite")
        try await store.writeDatabase { db in try db.execute(sql: rows) }
        try store.close()
        return directory + "/yanxiu.sqlite"
    }

    static let rows = """
        INSERT INTO region (code, name, level, parent_code) VALUES ('110000', '北京市', 'province', NULL);
        INSERT INTO school (id, code, name, region_code, is_other, created_at) VALUES (5, NULL, '\(awkward.replacingOccurrences(of: "'", with: "''"))', '110000', 1, -5);
        INSERT INTO account (id, phone, password_hash, created_at, updated_at) VALUES (1099511627776, '13800000000', 'x', 0, 0);
        INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES (x'00ff00', 1099511627776, 0, 9223372036854775807);
        INSERT INTO playback_state (account_id, state, updated_at) VALUES (1099511627776, x'', 0);
        INSERT INTO daemon_meta (key, value) VALUES ('looks-null', 'NULL'), ('empty', '');
        INSERT INTO heartbeat (id, account_id, lesson_id, playback_id, seq, position_ms, state, rate, at, verdict, credited_ms) VALUES
            (7, 1, 'l', 'p', 1, 0, 'playing', 0.1, 0, 'credited', 0),
            (8, 1, 'l', 'p', 2, 0, 'playing', 1.0e300, 0, 'credited', 0),
            (9, 1, 'l', 'p', 3, 0, 'playing', 0.3333333333333333, 0, 'credited', -1);
        """

    @Test("awkward text, flags, byte strings, large numbers and doubles arrive exactly; ids continue past the copied ones")
    func exactValues() async throws {
        let path = try await Self.sqlite(Self.rows)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let conninfo = try TestStores.freshPostgresDatabase()
        let summary = try StoreCopier(sqlitePath: path, conninfo: conninfo).copy()
        #expect(summary.tables.allSatisfy { $0.matches })
        #expect(summary.tables.first { $0.name == "heartbeat" }?.targetRows == 3)
        #expect(summary.tables.firstIndex { $0.name == "region" }! < summary.tables.firstIndex { $0.name == "school" }!)

        let connection = try PostgresConnection(conninfo)
        let school = try connection.execute("SELECT name, code, is_other, created_at FROM school WHERE id = 5")[0]
        #expect(school[0] as String == Self.awkward && school[1] as String? == nil && school[2] as Bool && school[3] as Int64 == -5)
        let session = try connection.execute("SELECT token_hash, account_id, expires_at FROM session")[0]
        #expect(session[0] as Data == Data([0, 255, 0]) && session[1] as Int64 == 1 << 40 && session[2] as Int64 == .max)
        #expect(try connection.execute("SELECT state FROM playback_state")[0][0] as Data == Data())
        let meta = try connection.execute("SELECT key, value FROM daemon_meta ORDER BY key").map { [$0[0] as String, $0[1] as String] }
        #expect(meta == [["empty", ""], ["looks-null", "NULL"]])
        #expect(try connection.execute("SELECT rate FROM heartbeat ORDER BY id").map { $0[0] as Double } == [0.1, 1.0e300, 1.0 / 3.0])
        #expect(try connection.execute("SELECT nextval(pg_get_serial_sequence('heartbeat', 'id'))")[0][0] as Int64 == 10)
        #expect(try connection.execute("SELECT nextval(pg_get_serial_sequence('account', 'id'))")[0][0] as Int64 == (1 << 40) + 1)
        // The serial allocator's key is the source's, so serials to come never repeat those issued.
        let key = try await DatabaseQueue(path: path).read { db in try Int64.fetchOne(db, sql: "SELECT permutation_key FROM certificate_serial_state") }
        #expect(try connection.execute("SELECT permutation_key FROM certificate_serial_state")[0][0] as Int64 == key)
        #expect(try connection.execute("SELECT count(*) FROM certificate_serial_state")[0][0] as Int64 == 1)
    }

    @Test("a copy that fails on the way leaves no row, and a second attempt may follow")
    func failureLeavesNothing() async throws {
        // PostgreSQL's text cannot hold a NUL character; SQLite's can. The copy meets it after
        // accounts, sessions and heartbeats went in.
        let path = try await Self.sqlite(Self.rows + "\nINSERT INTO sms_outbox (phone, text, sent_at) VALUES ('13800000000', 'a' || char(0) || 'b', 0);")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let conninfo = try TestStores.freshPostgresDatabase()
        let refusal = #expect(throws: StoreCopyError.self) { try StoreCopier(sqlitePath: path, conninfo: conninfo).copy() }
        #expect(refusal?.description.contains("sms_outbox.text") == true, "\(String(describing: refusal))")
        let connection = try PostgresConnection(conninfo)
        #expect(try connection.execute("SELECT count(*) FROM account")[0][0] as Int64 == 0)
        #expect(try connection.execute("SELECT count(*) FROM heartbeat")[0][0] as Int64 == 0)
        #expect(try connection.execute("SELECT next_sequence FROM certificate_serial_state")[0][0] as Int64 == 0)

        try await DatabaseQueue(path: path).write { db in try db.execute(sql: "DELETE FROM sms_outbox") }
        let summary = try StoreCopier(sqlitePath: path, conninfo: conninfo).copy()
        #expect(summary.tables.allSatisfy { $0.matches } && summary.rows > 0)
        #expect(throws: StoreCopyError.self) { try StoreCopier(sqlitePath: path, conninfo: conninfo).copy() }
    }
}
