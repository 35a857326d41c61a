import Foundation
import JSONRPC
import Locking
import Testing
import YanxiuClient

/// Two daemons on one PostgreSQL database issue certificates with one key, each exactly once.
@Suite("Many daemons: certificates")
struct ManyDaemonsCertificatesTests {
    static let config = ["sample-directory": "none", "first-start-topic": "none"]

    /// `CertificateSeed`'s topic with `extra` more teachers who qualify as teacher 1 does
    /// (verified homeroom teachers with 12 lessons); returns how many qualify in all.
    static func seed(_ group: DaemonGroup, extra: Int) throws -> Int {
        let topic = CertificateSeed.topicId
        let ids = "generate_series(1001, \(1000 + extra)) AS id"
        _ = try group.psql("""
            \(CertificateSeed.sql(.postgresql))
            INSERT INTO account (id, phone, password_hash, name, school_id, id_number, created_at, updated_at)
                SELECT id, '1390000' || id, 'x', '教师' || id, 1, '110108198001011234', 0, 0 FROM \(ids);
            INSERT INTO enrollment (account_id, topic_id, school_id, form, created_at) SELECT id, '\(topic)', 1, '{}', 0 FROM \(ids);
            INSERT INTO school_member (account_id, school_id, declared_mental_health, declared_homeroom, status, verified_mental_health, verified_homeroom, joined_at)
                SELECT id, 1, FALSE, TRUE, 'verified', FALSE, TRUE, 0 FROM \(ids);
            INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, study_ms, quiz_passed_at, completed_at, updated_at)
                SELECT id, 'e2e-l' || n, '\(topic)', '\\x', 600000, 1673200000000, 1673200100000, 0 FROM \(ids), generate_series(1, 12) AS n;
            """)
        // Of the seed's own teachers only teacher 1 qualifies.
        return 1 + extra
    }

    @Test("certificate.issue on A and B at once: every qualifying teacher holds one certificate, and each verifies on both daemons")
    func issuedOnceWithOneKey() throws {
        let group = try DaemonGroup(config: Self.config)
        let daemons = [group[0], group[1]]
        let qualifying = try Self.seed(group, extra: 60)
        for daemon in daemons { try daemon.call("testClock.set", ["time": "2023-03-01T09:00:00+08:00"]) }

        // A run that overlaps the other is refused (409); one that starts after it finds nothing left to issue.
        let issued = Locked([Int64](repeating: 0, count: 2))
        let outcomes = concurrently(2) { index in
            let report = try daemons[index].client().call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])
            issued.withLock { $0[index] = report["issued"]?.int64Value ?? -1 }
            return report
        }
        #expect(outcomes.allSatisfy { $0 == "ok" || $0 == "certificate.issuance_running" } && outcomes.contains("ok"), "\(outcomes)")
        let counts = issued.withLock { $0 }
        #expect(counts.reduce(0, +) == Int64(qualifying), "issued \(counts), outcomes \(outcomes)")
        let held = try group.psql("SELECT count(*), count(DISTINCT account_id), count(DISTINCT serial) FROM certificate")
        #expect(held == "\(qualifying)|\(qualifying)|\(qualifying)")

        let documents = try group.psql("SELECT document FROM certificate ORDER BY account_id").split(separator: "\n")
        #expect(documents.count == qualifying)
        for document in documents {
            let parsed = try JSONParser.parse(Array(document.utf8))
            for daemon in daemons {
                #expect(try daemon.call("certificate.verify", ["document": parsed])["valid"] == true)
            }
        }
    }

    @Test("while A issues a topic's certificates, B refuses to start a run of it (409), and runs it once A is done")
    func secondRunRefusedAcrossDaemons() throws {
        let group = try DaemonGroup(config: Self.config)
        let (a, b) = (group[0], group[1])
        let qualifying = try Self.seed(group, extra: 3_000)
        for daemon in [a, b] { try daemon.call("testClock.set", ["time": "2023-03-01T09:00:00+08:00"]) }
        let topic: JSONValue = .string(CertificateSeed.topicId)

        let first = Locked<Result<JSONValue, any Error>?>(nil)
        let running = DispatchGroup()
        DispatchQueue.global().async(group: running) {
            let result = Result(catching: { try a.client().call("certificate.issue", ["topicId": topic]) })
            first.withLock { $0 = result }
        }
        // A holds the run from before it reads the roster until its last certificate is stored.
        let held = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'yanxiud-hold' AND datname = current_database()"
        let deadline = Date().addingTimeInterval(30)
        while try group.psql(held) != "1", Date() < deadline, first.withLock({ $0 == nil }) { usleep(5_000) }
        #expect(first.withLock { $0 == nil }, "A finished before B was asked; the run was too short to overlap")

        let refused = #expect(throws: RPCError.self) { try b.call("certificate.issue", ["topicId": topic]) }
        #expect(refused?.code == 409 && refused?.reason == "certificate.issuance_running", "\(String(describing: refused))")

        running.wait()
        let report = try #require(try first.withLock { $0 }?.get())
        #expect(report["issued"]?.int64Value == Int64(qualifying))
        // The hold is gone with A's run: B may run now, and finds every certificate issued.
        let again = try b.call("certificate.issue", ["topicId": topic])
        #expect(again["issued"]?.int64Value == 0 && again["alreadyHeld"]?.int64Value == Int64(qualifying))
        #expect(try group.psql("SELECT count(*), count(DISTINCT serial) FROM certificate") == "\(qualifying)|\(qualifying)")
    }

    @Test("a daemon configured with a key that is not the database's refuses to start, in one line")
    func foreignKeyRefused() throws {
        let group = try DaemonGroup(count: 1, config: Self.config)
        // A daemon on SQLite makes a key of its own in its state folder.
        let other = try LiveDaemon(config: ["store": "sqlite"])
        #expect(other.stop() == 0)
        let foreign = other.directory + "/issuer-key"
        let refused = #expect(throws: DaemonFailed.self) {
            _ = try LiveDaemon(config: group.settings.merging(["issuer-key": foreign]) { _, mine in mine })
        }
        let line = refused?.log.split(separator: "\n").last { $0.hasPrefix("yanxiud: ") }
        #expect(line?.contains("is not the database's issuer key") == true, "\(refused?.log ?? "")")

        // The database's own key, configured as a file, is accepted.
        let own = other.directory + "/database-key"
        try group.psql("SELECT value FROM daemon_meta WHERE key = 'issuer-key'").write(toFile: own, atomically: true, encoding: .utf8)
        chmod(own, 0o600)
        let configured = try LiveDaemon(config: group.settings.merging(["issuer-key": own]) { _, mine in mine })
        #expect(try configured.call("system.ping") != .null)
    }
}
