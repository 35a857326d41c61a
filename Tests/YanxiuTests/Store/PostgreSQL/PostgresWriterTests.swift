import Foundation
import Postgres
import PostgresCluster
import Testing
@testable import Yanxiu

/// The PostgreSQL writer's contract, on a real server: group commit with deferred heartbeat rows,
/// one failing unit rolled back alone, and recovery after the server comes back.
@Suite("PostgreSQL writer: batches, failures and a server that goes away")
struct PostgresWriterTests {
    /// Accounts 1 to `accounts`, a topic, a course and two lessons, written straight into the schema.
    private static func seed(_ conninfo: String, accounts: Int = 1) throws {
        let connection = try PostgresConnection(conninfo)
        try connection.run("""
            INSERT INTO account (id, phone, password_hash, created_at, updated_at)
                SELECT n, '139' || lpad(n::text, 8, '0'), 'x', 0, 0 FROM generate_series(1, \(accounts)) n;
            INSERT INTO topic (id, title, window_start, window_end, rules, document_hash, created_at, updated_at)
                VALUES ('t', 'T', 0, 10, '{}', '\\x00', 0, 0);
            INSERT INTO course (topic_id, id, position, title) VALUES ('t', 'c', 1, 'C');
            INSERT INTO lesson (id, topic_id, course_id, position, title, duration_ms, credit_hours, quiz_at_ms, quiz)
                VALUES ('l1', 't', 'c', 1, 'L1', 1000, 2, 500, '{}'), ('l2', 't', 'c', 2, 'L2', 1000, 3, 500, '{}');
            """)
    }

    /// A write of stamp `seq`, judged on the account's write of stamp `basis` (0: none yet).
    private static func write(account: Int64 = 1, lesson: String, seq: Int64, studyMs: Int64, completed: Bool = false, after basis: Int64 = 0) -> ProgressWrite {
        var progress = LessonProgress(jitterAllowanceMs: 0)
        progress.studyMs = studyMs
        progress.completedAt = completed ? seq : nil
        return ProgressWrite(
            accountID: account, lessonId: lesson, topicId: "t", now: seq, progressState: Data([UInt8(seq & 0xff), 0, 0xff]),
            progress: progress, trackerState: Data([UInt8(seq & 0xff)]),
            journal: HeartbeatJournal.Entry(at: seq, playbackId: "p", seq: seq, positionMs: seq * 10, state: "playing", rate: 1.25,
                                            verdict: "credited", creditedMs: 10),
            basis: basis, stamp: seq)
    }

    @Test("concurrent heartbeats share batches: every journal entry is kept, one row per lesson, completion counted once")
    func batchedSaves() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let store = try PostgresStore(conninfo: conninfo)
        defer { store.close() }
        try Self.seed(conninfo, accounts: 100)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for account in Int64(1)...100 {
                group.addTask {
                    // Each account plays l2 (seq 2n - 1), then l1 (seq 2n), the second write judged on the first.
                    let first = 2 * account - 1
                    try await store.write { tx in try tx.progress.save(Self.write(account: account, lesson: "l2", seq: first, studyMs: first)) }
                    try await store.write { tx in
                        try tx.progress.save(Self.write(account: account, lesson: "l1", seq: first + 1, studyMs: first + 1, after: first))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(store.writerStatistics.largestBatch > 1)
        try await store.write { tx in try tx.progress.save(Self.write(lesson: "l1", seq: 300, studyMs: 300, completed: true, after: 2)) }
        try await store.write { tx in try tx.progress.save(Self.write(lesson: "l2", seq: 301, studyMs: 300, completed: true, after: 300)) }
        try await store.read { tx throws in
            #expect(try tx.progress.journal(accountID: 1, lessonId: "l1", limit: 1000).map(\.seq) == [2, 300])
            let lessons = try tx.progress.lessonProgress(accountID: 1, topicId: "t")
            #expect(lessons.map(\.studyMs).sorted() == [300, 300])
            #expect(try tx.progress.playbackState(accountID: 1) == StoredPlaybackState(state: Data([UInt8(301 & 0xff)]), version: 4, writer: 301))
            let journal = try tx.progress.journal(accountID: 50, lessonId: "l1", limit: 1000) + tx.progress.journal(accountID: 50, lessonId: "l2", limit: 1000)
            #expect(journal.map(\.seq).sorted() == [99, 100])
            #expect(journal.allSatisfy { $0.rate == 1.25 && $0.positionMs == $0.seq * 10 })
        }
        let connection = try PostgresConnection(conninfo)
        #expect(try connection.execute("SELECT count(*) FROM heartbeat")[0][0] as Int64 == 202)
        #expect(try connection.execute("SELECT count(*) FROM lesson_progress")[0][0] as Int64 == 200)
        let completion = try connection.execute("SELECT lessons, hours FROM topic_completion WHERE account_id = 1")
        #expect(completion.count == 1)
        #expect((completion[0][0] as Int64, completion[0][1] as Int64) == (2, 5))
    }

    @Test("many heartbeats of one lesson in one unit: the last state stays and the journal keeps every entry in order")
    func manySavesInOneUnit() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let store = try PostgresStore(conninfo: conninfo)
        defer { store.close() }
        try Self.seed(conninfo)
        try await store.write { tx in
            for seq in Int64(1)...50 { try tx.progress.save(Self.write(lesson: "l1", seq: seq, studyMs: seq, after: seq - 1)) }
        }
        try await store.read { tx throws in
            #expect(try tx.progress.journal(accountID: 1, lessonId: "l1", limit: 100).map(\.seq) == Array(1...50))
            #expect(try tx.progress.lessonState(accountID: 1, lessonId: "l1") == Data([50, 0, 0xff]))
            #expect(try tx.progress.lessonProgress(accountID: 1, topicId: "t").map(\.studyMs) == [50])
        }
    }

    @Test("a deferred heartbeat is seen by a later unit of the same batch, and by the unit itself")
    func deferredRowsAreVisible() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let store = try PostgresStore(conninfo: conninfo)
        defer { store.close() }
        try Self.seed(conninfo)
        let seen = try await store.write { tx -> Data? in
            try tx.progress.save(Self.write(lesson: "l1", seq: 7, studyMs: 70))
            return try tx.progress.lessonState(accountID: 1, lessonId: "l1")
        }
        #expect(seen == Data([7, 0, 0xff]))
        async let first: Void = store.write { tx in try tx.progress.save(Self.write(lesson: "l2", seq: 8, studyMs: 80, after: 7)) }
        async let second = store.write { tx in try tx.progress.lessonState(accountID: 1, lessonId: "l2") }
        try await first
        _ = try await second
        let stored = try await store.read { tx in try tx.progress.lessonState(accountID: 1, lessonId: "l2") }
        #expect(stored == Data([8, 0, 0xff]))
    }

    @Test("a heartbeat whose row the database refuses fails alone; the others in its batch commit")
    func badRowFailsAlone() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let store = try PostgresStore(conninfo: conninfo)
        defer { store.close() }
        try Self.seed(conninfo, accounts: 40)
        let results = await withTaskGroup(of: (Int64, Bool).self) { group in
            for seq in Int64(1)...40 {
                group.addTask {
                    // Account 41 does not exist: its progress rows break a foreign key.
                    let write = Self.write(account: seq == 20 ? 41 : seq, lesson: "l1", seq: seq, studyMs: seq)
                    do {
                        try await store.write { tx in try tx.progress.save(write) }
                        return (seq, true)
                    } catch {
                        return (seq, false)
                    }
                }
            }
            return await group.reduce(into: [Int64: Bool]()) { $0[$1.0] = $1.1 }
        }
        #expect(results[20] == false)
        #expect(results.filter { $0.value }.count == 39)
        let count = try PostgresConnection(conninfo).execute("SELECT count(*) FROM heartbeat")[0][0] as Int64
        #expect(count == 39)
    }

    @Test("a unit that throws is rolled back alone, statements and deferred rows alike")
    func throwingUnitRollsBack() async throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let store = try PostgresStore(conninfo: conninfo)
        defer { store.close() }
        try Self.seed(conninfo)
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await store.write { tx in
                try tx.progress.save(Self.write(lesson: "l1", seq: 1, studyMs: 1))
                try tx.progress.recordQuizSubmission(QuizSubmissionRecord(accountID: 1, lessonId: "l1", at: 1, correct: 1, total: 1, passed: true, answers: "[]"))
                throw Refused()
            }
        }
        await #expect(throws: Refused.self) {
            try await store.write { tx in
                try tx.progress.save(Self.write(lesson: "l2", seq: 2, studyMs: 2))
                throw Refused()
            }
        }
        let connection = try PostgresConnection(conninfo)
        #expect(try connection.execute("SELECT count(*) FROM lesson_progress")[0][0] as Int64 == 0)
        #expect(try connection.execute("SELECT count(*) FROM quiz_submission")[0][0] as Int64 == 0)
        #expect(try connection.execute("SELECT count(*) FROM heartbeat")[0][0] as Int64 == 0)
    }

    @Test("while the server is stopped writes and reads answer store.unavailable; once it is back they succeed without a new store")
    func recoversWhenTheServerReturns() async throws {
        let cluster = try PostgresCluster.start(.init(fsync: false))
        defer { cluster.remove() }
        try cluster.createDatabase("recover")
        let conninfo = cluster.conninfo(database: "recover")
        let store = try PostgresStore(conninfo: conninfo)
        defer { store.close() }
        try Self.seed(conninfo)
        try await store.write { tx in try tx.progress.save(Self.write(lesson: "l1", seq: 1, studyMs: 1)) }

        try cluster.stop(mode: .fast)
        for _ in 0..<3 {
            await #expect {
                try await store.write { tx in try tx.progress.save(Self.write(lesson: "l1", seq: 2, studyMs: 2, after: 1)) }
            } throws: { error in
                guard case StoreError.unavailable = error else { return false }
                return (error as? StoreError)?.refusal.reason == "store.unavailable"
            }
            await #expect(throws: StoreError.self) {
                try await store.read { tx in try tx.progress.lessonState(accountID: 1, lessonId: "l1") }
            }
        }

        try cluster.restart()
        try await store.write { tx in try tx.progress.save(Self.write(lesson: "l1", seq: 3, studyMs: 3, after: 1)) }
        let state = try await store.read { tx in try tx.progress.lessonState(accountID: 1, lessonId: "l1") }
        #expect(state == Data([3, 0, 0xff]))
        let journal = try await store.read { tx in try tx.progress.journal(accountID: 1, lessonId: "l1", limit: 10) }
        #expect(journal.map(\.seq) == [1, 3])
    }

    @Test("a database migrated by a newer build is refused at open, naming the unknown migration")
    func refusesNewerSchema() throws {
        let conninfo = try TestStores.freshPostgresDatabase()
        let store = try PostgresStore(conninfo: conninfo)
        store.close()
        try PostgresConnection(conninfo).execute("INSERT INTO yanxiu_migrations (identifier) VALUES ('v99-from-the-future')")
        #expect {
            _ = try PostgresStore(conninfo: conninfo)
        } throws: { error in
            "\(error)".contains("v99-from-the-future") && "\(error)".contains("newer than this yanxiud")
        }
        // Opening again on a matching schema changes nothing.
        try PostgresConnection(conninfo).execute("DELETE FROM yanxiu_migrations WHERE identifier = 'v99-from-the-future'")
        let reopened = try PostgresStore(conninfo: conninfo)
        #expect(try reopened.schemaVersion() == PostgresMigrations.all.count)
        reopened.close()
    }

    @Test("a wrong password and an unreachable server are refused at open with the server's reason")
    func refusedAtOpen() throws {
        let cluster = try PostgresCluster.start(.init(password: "right-password", fsync: false))
        defer { cluster.remove() }
        #expect {
            _ = try PostgresStore(conninfo: cluster.conninfo(database: "postgres", password: "wrong-password"))
        } throws: { error in
            "\(error)".contains("password authentication failed")
        }
        let port = cluster.port
        cluster.remove()
        #expect {
            _ = try PostgresStore(conninfo: "host=127.0.0.1 port=\(port) dbname=postgres connect_timeout=2")
        } throws: { error in
            (error as? PostgresError)?.connectionLost == true
        }
    }

    @Test("over TCP a session gives up on a vanished server in bounded time, unless the connection string says otherwise")
    func tcpTimeouts() throws {
        let cluster = try PostgresCluster.start(.init(listenTCP: "127.0.0.1", fsync: false))
        defer { cluster.remove() }
        let conninfo = cluster.conninfo(database: "postgres", tcp: true)
        let store = try PostgresStore(conninfo: conninfo)
        defer { store.close() }
        #expect(try store.schemaVersion() == PostgresMigrations.all.count)
        let session = try PostgresConnector(conninfo: conninfo).connect()
        #expect(session.setting("keepalives_idle") == "5")
        #expect(session.setting("tcp_user_timeout") == "10000")
        #expect(session.setting("application_name") == "yanxiud")
        let own = try PostgresConnector(conninfo: conninfo + " tcp_user_timeout=3000").connect()
        #expect(own.setting("tcp_user_timeout") == "3000")
    }
}
