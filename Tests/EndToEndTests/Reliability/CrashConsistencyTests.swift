import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// Kills the daemon with SIGKILL in the middle of heartbeats, registrations and profile
/// updates from several clients, restarts it on the same folder, and checks that every
/// answered call is in the stored state and that the unanswered ones are all or nothing.
@Suite("Crash consistency under SIGKILL", .serialized)
struct CrashConsistencyTests {
    static let rounds = 20

    @Test("every answered write survives SIGKILL; nothing unanswered is half-applied; the file stays sound")
    func killAndRestart() throws {
        let directory = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The heartbeat clients move the test clock a second per beat; codes must outlive that.
        let config = ["password-scrypt-log-n": "10", "sms-code-ttl": "100000000"]
        let folder = StateFolder(directory: directory)

        // The lesson, teachers enrolled in it for the heartbeat clients, and accounts for the profile clients.
        var setup = try LiveDaemon(config: config, directory: directory)
        let school = try setup.schoolID("110101", "北京市第二中学")
        let watchers = try CrashTopic.importAndEnroll(setup, school: school, count: 6)
        let editors = try (0..<2).map { index -> TestAccount in
            let account = try setup.register("1370001\(String(format: "%04d", index))")
            try setup.call("account.setIdentity", ["session": .string(account.session), "identity": "teacher", "nickname": "编辑"])
            return account
        }
        #expect(setup.stop() == 0)

        var phoneCounter = 0
        let phoneLock = NSLock()
        let nextPhone: () -> String = {
            phoneLock.lock()
            defer { phoneLock.unlock() }
            phoneCounter += 1
            return "1380000\(String(format: "%04d", phoneCounter))"
        }
        var totals = CrashTotals()
        var random = SystemRandomNumberGenerator()
        setup = try LiveDaemon(config: config, directory: directory)
        // The name each editor had stored after the previous round (a round may answer none of its
        // renames). Before the first round that is no name at all (read back as ""), which is also
        // what a first rename still in flight at the kill may leave.
        var storedNames: [String?] = try editors.map { try folder.value("SELECT name FROM account WHERE id = \($0.userID)") }
        for round in 0..<Self.rounds {
            let heartbeats = watchers.map { HeartbeatWorker(socketPath: setup.socketPath, session: $0.session, playbackId: "r\(round)") }
            let registrations = (0..<2).map { _ in RegistrationWorker(socketPath: setup.socketPath, phones: nextPhone) }
            let profiles = editors.enumerated().map { index, editor in
                ProfileWorker(socketPath: setup.socketPath, session: editor.session, schoolID: school, names: Self.names(round: round, editor: index))
            }
            let workers: [CrashWorker] = heartbeats + registrations + profiles
            workers.forEach { $0.start() }
            usleep(UInt32.random(in: 150_000...600_000, using: &random))
            _ = setup.stop(signal: SIGKILL)
            workers.forEach { $0.join() }
            for worker in workers { #expect(worker.failures.isEmpty, "round \(round): \(worker.failures)") }

            setup = try LiveDaemon(config: config, directory: directory)
            if LiveDaemon.store == .sqlite { #expect(try folder.integrity() == "ok", "round \(round)") }
            try checkHeartbeats(heartbeats, watchers: watchers, folder: folder, round: round, totals: &totals)
            try checkRegistrations(registrations, daemon: setup, folder: folder, totals: &totals)
            try checkProfiles(profiles, editors: editors, before: &storedNames, folder: folder, totals: &totals)
            try checkProgressMatchesJournal(folder)
        }
        #expect(setup.stop() == 0)
        if LiveDaemon.store == .sqlite { #expect(try folder.integrity() == "ok") }
        #expect(totals.lost == 0)
        #expect(totals.answered > Self.rounds * 10, "the load was too light to prove anything: \(totals.answered) answered writes")
        print("crash consistency: \(Self.rounds) SIGKILL rounds, \(totals.answered) answered writes, \(totals.lost) lost; in flight at the kill: \(totals.inFlightApplied) applied whole, \(totals.inFlightAbsent) absent")
    }

    /// Names unique to the round and editor, so the stored one tells which call wrote it.
    static func names(round: Int, editor: Int) -> [String] {
        let digits = Array("零一二三四五六七八九")
        return (0..<1000).map { n in
            let number = String(format: "%02d%d%03d", round, editor, n)
            return "王" + String(number.map { digits[Int(String($0))!] })
        }
    }

    /// Each playback's journal holds exactly the answered beats, plus at most the one in flight.
    private func checkHeartbeats(_ workers: [HeartbeatWorker], watchers: [TestAccount], folder: StateFolder, round: Int, totals: inout CrashTotals) throws {
        for (worker, account) in zip(workers, watchers) {
            let stored = try folder.rows("SELECT seq FROM heartbeat WHERE account_id = \(account.userID) AND playback_id = 'r\(round)' ORDER BY seq")
                .compactMap { Int64($0[0]) }
            let answered = worker.acknowledged
            #expect(Array(stored.prefix(answered.count)) == answered, "answered heartbeats missing: \(answered) vs \(stored)")
            let extra = Array(stored.dropFirst(answered.count))
            #expect(extra.isEmpty || extra == [worker.inFlight].compactMap { $0 }, "unexpected heartbeats \(extra)")
            totals.answered += answered.count
            totals.lost += max(0, answered.count - stored.prefix(answered.count).count)
            if worker.inFlight != nil { extra.isEmpty ? (totals.inFlightAbsent += 1) : (totals.inFlightApplied += 1) }
        }
    }

    /// Answered registrations exist and log in; one in flight either does both or is absent.
    private func checkRegistrations(_ workers: [RegistrationWorker], daemon: LiveDaemon, folder: StateFolder, totals: inout CrashTotals) throws {
        for worker in workers {
            for (phone, userID) in worker.acknowledged {
                let stored = try folder.value("SELECT id FROM account WHERE phone = '\(phone)'")
                #expect(stored == String(userID), "answered registration of \(phone) missing")
                if stored != String(userID) { totals.lost += 1 }
            }
            totals.answered += worker.acknowledged.count
            guard let phone = worker.inFlight else { continue }
            let exists = try folder.value("SELECT COUNT(*) FROM account WHERE phone = '\(phone)'") == "1"
            if exists {
                let login = try daemon.call("account.login", ["phone": .string(phone), "password": "secret123"])
                #expect(login["session"]?.stringValue != nil)
                totals.inFlightApplied += 1
            } else {
                totals.inFlightAbsent += 1
            }
        }
    }

    /// The stored name is the last answered one (the one stored before the round when the round
    /// answered none), or the one in flight.
    private func checkProfiles(
        _ workers: [ProfileWorker], editors: [TestAccount], before: inout [String?], folder: StateFolder, totals: inout CrashTotals
    ) throws {
        for (index, (worker, editor)) in zip(workers, editors).enumerated() {
            let stored = try folder.value("SELECT name FROM account WHERE id = \(editor.userID)")
            defer { before[index] = stored }
            let allowed = [worker.lastAcknowledged ?? before[index], worker.inFlight].compactMap { $0 }
            if !allowed.isEmpty {
                #expect(allowed.contains(stored), "stored name \(stored), answered \(worker.lastAcknowledged ?? "-"), in flight \(worker.inFlight ?? "-")")
            }
            if let last = worker.lastAcknowledged, stored != last, stored != worker.inFlight { totals.lost += 1 }
            totals.answered += worker.answered
            if let inFlight = worker.inFlight { stored == inFlight ? (totals.inFlightApplied += 1) : (totals.inFlightAbsent += 1) }
        }
    }

    /// A heartbeat's journal row and its progress update are one: the study time stored per
    /// lesson equals what the journal's credited spans add up to, and the progress row was
    /// last written by the newest journal row.
    private func checkProgressMatchesJournal(_ folder: StateFolder) throws {
        let rows = try folder.rows("""
            WITH spans AS (
                SELECT account_id, lesson_id, verdict, at, id,
                       position_ms - LAG(position_ms) OVER (PARTITION BY account_id, lesson_id, playback_id ORDER BY seq) AS span
                FROM heartbeat)
            SELECT p.account_id, p.study_ms,
                   COALESCE((SELECT SUM(span) FROM spans s WHERE s.account_id = p.account_id AND s.lesson_id = p.lesson_id
                             AND s.verdict IN ('credited', 'after_quiz_before_pass')), 0),
                   p.updated_at,
                   (SELECT at FROM heartbeat h WHERE h.account_id = p.account_id AND h.lesson_id = p.lesson_id ORDER BY id DESC LIMIT 1)
            FROM lesson_progress p
            """)
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row[1] == row[2], "account \(row[0]): study time \(row[1]) but the journal adds up to \(row[2])")
            #expect(row[3] == row[4], "account \(row[0]): progress written at \(row[3]) but the newest journal row is at \(row[4])")
        }
        let orphans = try folder.value("""
            SELECT COUNT(*) FROM heartbeat h WHERE NOT EXISTS
                (SELECT 1 FROM lesson_progress p WHERE p.account_id = h.account_id AND p.lesson_id = h.lesson_id)
            """)
        #expect(orphans == "0", "journal rows without their progress")
    }
}

/// The figures of a crash run.
struct CrashTotals {
    var answered = 0
    var lost = 0
    var inFlightApplied = 0
    var inFlightAbsent = 0
}
