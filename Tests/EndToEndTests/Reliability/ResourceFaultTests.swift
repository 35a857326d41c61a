import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// The disk filling up, the writer hanging, and a stop under load.
@Suite("Resource faults", .serialized)
struct ResourceFaultTests {
    @Test("a full database: writes answer 503 store.unavailable, change nothing, and work again once there is room",
          .enabled(if: LiveDaemon.store == .sqlite, "a size cap on the database file is SQLite's; PostgreSQL's server away is PostgresWriterTests"))
    func diskFull() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let folder = StateFolder(directory: daemon.directory)
        let teacher = try daemon.register("13600000001")
        try daemon.call("account.setIdentity", ["session": .string(teacher.session), "identity": "teacher", "nickname": "老师"])
        try daemon.call("testFault.limitDatabase", ["extraPages": 0])

        // Register accounts until the file cannot grow; every answer is success or 503.
        var registered: [String] = []
        var refused: [String] = []
        let client = try daemon.client()
        for n in 0..<400 where refused.count < 20 {
            let phone = "1360001\(String(format: "%04d", n))"
            do {
                _ = try client.call("sms.requestCode", ["phone": .string(phone), "purpose": "register"])
                let code = try daemon.lastCode(phone)
                _ = try client.call("account.register", ["phone": .string(phone), "code": .string(code), "password": "secret123", "agreeTerms": true])
                registered.append(phone)
            } catch let error as RPCError {
                #expect(error.code == 503, "\(phone): \(error)")
                #expect(error.reason == "store.unavailable", "\(phone): \(error)")
                #expect(error.data["retryAfterMs"] != nil)
                refused.append(phone)
            }
        }
        #expect(refused.count >= 20, "the database never filled up")
        // Reads go on while writes cannot; a refused registration left nothing behind.
        #expect(try daemon.call("account.me", ["session": .string(teacher.session)])["userId"]?.int64Value == teacher.userID)
        let profile = rpcError { try daemon.call("account.updateBasicInfo", ["session": .string(teacher.session), "name": "李雷", "teacherType": "staff", "schoolId": 1]) }
        #expect(profile == nil || profile?.reason == "store.unavailable")
        let stored = try folder.rows("SELECT phone FROM account WHERE phone LIKE '1360001%'").map { $0[0] }
        #expect(Set(stored) == Set(registered))
        #expect(try folder.integrity() == "ok")

        // Room again: the same writes succeed, and nothing answered earlier was lost.
        try daemon.call("testFault.limitDatabase")
        let retry = try #require(refused.last)
        try daemon.call("testClock.advance", ["seconds": 120])
        let code = try daemon.code(retry, "register")
        let account = try daemon.call("account.register", ["phone": .string(retry), "code": .string(code), "password": "secret123", "agreeTerms": true])
        #expect(account["userId"] != nil)
        #expect(try daemon.call("account.updateBasicInfo", ["session": .string(teacher.session), "name": "李雷", "teacherType": "staff", "schoolId": 1])["name"] == "李雷")
        #expect(daemon.stop() == 0)
        #expect(try folder.integrity() == "ok")
        #expect(Set(try folder.rows("SELECT phone FROM account WHERE phone LIKE '1360001%'").map { $0[0] }) == Set(registered + [retry]))
        print("disk full: \(registered.count) writes succeeded, then \(refused.count) answered 503 store.unavailable; service resumed")
    }

    @Test("a stalled writer withholds the watchdog pings, and they resume when it moves again")
    func stalledWriter() throws {
        let directory = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let notify = try NotifySocket(directory: directory)
        // WATCHDOG_USEC 400 ms: pings every 200 ms; a commit running for 400 ms counts as stalled.
        let daemon = try LiveDaemon(environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "400000"], directory: directory)
        _ = notify.waitFor("READY=1")
        let before = notify.collect(forMs: 1000).filter { $0.text.contains("WATCHDOG=1") }
        #expect(before.count >= 3)

        let staller = try daemon.client()
        try staller.send(["jsonrpc": "2.0", "id": 1, "method": "testFault.stallWriter", "params": ["seconds": 3]])
        let stallStart = Date()
        let during = notify.collect(forMs: 4500).filter { $0.text.contains("WATCHDOG=1") }.map { $0.at.timeIntervalSince(stallStart) }
        // Pings stop within the stall limit plus one interval, and none comes until the writer is free.
        let silent = during.filter { $0 > 0.7 && $0 < 2.9 }
        #expect(silent.isEmpty, "pings during the stall at \(silent)")
        #expect(during.contains { $0 >= 3.0 }, "pings did not resume: \(during)")
        #expect(try staller.readMessage()?["result"]?["stalledMs"] == 3000)
        #expect(daemon.log.contains("stalled"))
        #expect(daemon.stop() == 0)
    }

    @Test("SIGTERM under full load: every request the daemon took is answered and committed, and it exits 0")
    func stopUnderLoad() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let folder = StateFolder(directory: daemon.directory)
        let editors = try (0..<4).map { index -> TestAccount in
            let account = try daemon.register("1350000\(String(format: "%04d", index))")
            try daemon.call("account.setIdentity", ["session": .string(account.session), "identity": "teacher", "nickname": "老师"])
            return account
        }
        let loaders = editors.enumerated().map { index, editor in
            LoadClient(socketPath: daemon.socketPath, session: editor.session, names: CrashConsistencyTests.names(round: 90, editor: index))
        }
        let pingers = (0..<4).map { _ in LoadClient(socketPath: daemon.socketPath, session: nil, names: []) }
        (loaders + pingers).forEach { $0.start() }
        usleep(700_000)
        kill(daemon.process.processIdentifier, SIGTERM)
        (loaders + pingers).forEach { $0.join() }
        daemon.process.waitUntilExit()
        #expect(daemon.process.terminationStatus == 0)
        var answered = 0
        for (loader, editor) in zip(loaders, editors) {
            #expect(loader.badReplies.isEmpty, "\(loader.badReplies.prefix(3))")
            // The stored name is the last one answered: nothing answered was lost, and
            // nothing the daemon committed went unanswered.
            let stored = try folder.value("SELECT name FROM account WHERE id = \(editor.userID)")
            #expect(stored == loader.lastAnsweredName, "stored \(stored), last answered \(loader.lastAnsweredName ?? "-")")
            answered += loader.answered
        }
        for pinger in pingers {
            #expect(pinger.badReplies.isEmpty)
            answered += pinger.answered
        }
        #expect(answered > 100)
        print("SIGTERM under load: \(answered) requests answered from 8 pipelining clients; exit status 0")
    }
}
