import Foundation
import JSONRPC
import Locking
import Synchronization
import Testing
import YanxiuClient

@Suite("Backups through the daemon")
struct BackupRestoreTests {
    /// Fast password hashing: these tests are about the data, not about scrypt.
    static let config = ["password-scrypt-log-n": "10"]

    @Test("a backup taken while teachers keep registering restores into a fresh daemon with the same data", .enabled(if: LiveDaemon.store == .sqlite, "admin.backup copies the SQLite file; on PostgreSQL it answers backup.external"))
    func backupWhileWritingAndRestore() throws {
        let daemon = try LiveDaemon(config: Self.config)
        var accounts: [TestAccount] = []
        for index in 0..<12 { accounts.append(try daemon.register(String(format: "1590000%04d", index))) }

        // More registrations keep arriving while the backup runs.
        let stop = Atomic(false)
        let registered = Locked<[String]>([])
        let background = Thread {
            var index = 100
            while !stop.load(ordering: .relaxed) {
                let phone = String(format: "1590000%04d", index)
                if (try? daemon.register(phone)) != nil { registered.withLock { $0.append(phone) } }
                index += 1
            }
        }
        background.start()
        while registered.withLock({ $0.count }) < 3 { usleep(10_000) }
        let before = registered.withLock { $0 }
        let path = daemon.directory + "/backups/first.sqlite"
        try FileManager.default.createDirectory(atPath: daemon.directory + "/backups", withIntermediateDirectories: true)
        let result = try daemon.call("admin.backup", ["path": .string(path)])
        stop.store(true, ordering: .relaxed)
        while background.isExecuting { usleep(10_000) }
        #expect(result["path"]?.stringValue == path)
        #expect((result["bytes"]?.int64Value ?? 0) > 0)
        let integrity = try run("/usr/bin/sqlite3", [path, "PRAGMA integrity_check"])
        #expect(integrity.output.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        #expect(daemon.stop() == 0)

        // Restore: the copy becomes the database of a new state folder.
        let restoredFolder = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: restoredFolder) }
        try FileManager.default.copyItem(atPath: path, toPath: restoredFolder + "/yanxiu.sqlite")
        let restored = try LiveDaemon(config: Self.config, directory: restoredFolder)
        for account in accounts + before.map({ TestAccount(phone: $0, password: "secret123", session: "", userID: 0) }) {
            let login = try restored.call("account.login", ["phone": .string(account.phone), "password": .string(account.password)])
            #expect(login["session"]?.stringValue != nil, "\(account.phone) registered before the backup can log in after the restore")
            if account.userID != 0 { #expect(login["userId"]?.int64Value == account.userID) }
        }
        _ = restored.stop()
    }

    @Test("dated backups in a folder keep only the newest copies, and status shows the last one", .enabled(if: LiveDaemon.store == .sqlite, "admin.backup copies the SQLite file; on PostgreSQL it answers backup.external"))
    func rotationAndStatus() throws {
        let daemon = try LiveDaemon()
        let folder = daemon.directory + "/backups"
        var paths: [String] = []
        for _ in 0..<3 {
            let result = try daemon.call("admin.backup", ["directory": .string(folder), "keep": 2])
            paths.append(try #require(result["path"]?.stringValue))
            try daemon.advance(seconds: 86_400)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == paths.dropFirst().map { ($0 as NSString).lastPathComponent })

        let status = try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath, "status"])
        #expect(status.status == 0)
        #expect(status.output.contains("last backup"))
        #expect(status.output.contains(paths[2]))
    }

    @Test("backups refuse relative paths, existing files, and non-operators", .enabled(if: LiveDaemon.store == .sqlite, "admin.backup copies the SQLite file; on PostgreSQL it answers backup.external"))
    func refusals() throws {
        let daemon = try LiveDaemon()
        #expect(rpcError { try daemon.call("admin.backup", ["path": "relative.sqlite"]) }?.fieldReasons["path"] == "not_absolute")
        #expect(rpcError { try daemon.call("admin.backup", [:]) }?.fieldReasons["path"] == "required")
        let taken = daemon.directory + "/taken.sqlite"
        _ = FileManager.default.createFile(atPath: taken, contents: Data("keep me".utf8))
        #expect(rpcError { try daemon.call("admin.backup", ["path": .string(taken)]) }?.reason == "backup.exists")
        #expect(FileManager.default.contents(atPath: taken) == Data("keep me".utf8))
        let asNobody = try runAsNobody([LiveDaemon.ctlPath, "--socket", daemon.socketPath, "backup", daemon.directory + "/x.sqlite"])
        #expect(asNobody.status == 1)
        #expect(asNobody.stdout.contains("auth.operator_required"))
        #expect(!FileManager.default.fileExists(atPath: daemon.directory + "/x.sqlite"))
    }

    @Test("on PostgreSQL admin.backup refuses with backup.external, naming PostgreSQL's own tools",
          .enabled(if: LiveDaemon.store == .postgresql, "the SQLite copies are the tests above"))
    func postgresqlOwnsBackups() throws {
        let daemon = try LiveDaemon()
        let refusal = try #require(rpcError { try daemon.call("admin.backup", ["path": .string(daemon.directory + "/x.sqlite")]) })
        #expect(refusal.reason == "backup.external")
        #expect(refusal.message.contains("pg_dump"))
        #expect(!FileManager.default.fileExists(atPath: daemon.directory + "/x.sqlite"))
    }
}
