import Foundation
import Testing

@Suite("systemd units")
struct SystemdUnitTests {
    /// Copies the units to a scratch folder with ExecStart pointing at the built binary (verify checks it exists).
    func stagedUnits() throws -> URL {
        let folder = URL(fileURLWithPath: LiveDaemon.makeDirectory())
        for name in ["yanxiud.service", "yanxiud.socket", "yanxiud-backup.service", "yanxiud-backup.timer"] {
            var text = try String(contentsOf: Paths.file("systemd/\(name)"), encoding: .utf8)
            text = text.replacingOccurrences(of: "/usr/local/bin/yanxiuctl", with: LiveDaemon.ctlPath)
            text = text.replacingOccurrences(of: "/usr/local/bin/yanxiud", with: LiveDaemon.daemonPath)
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("systemd-analyze verify reports nothing")
    func verify() throws {
        let folder = try stagedUnits()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run("/usr/bin/systemd-analyze", ["verify", folder.appendingPathComponent("yanxiud.service").path, folder.appendingPathComponent("yanxiud.socket").path])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(result.output)")
    }

    @Test("systemd-analyze verify reports nothing for the backup service and its timer")
    func verifyBackupUnits() throws {
        let folder = try stagedUnits()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run("/usr/bin/systemd-analyze", ["verify", folder.appendingPathComponent("yanxiud-backup.service").path, folder.appendingPathComponent("yanxiud-backup.timer").path])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(result.output)")
    }

    @Test("the backup service asks the daemon for a dated copy with rotation, daily")
    func backupUnits() throws {
        let service = try String(contentsOf: Paths.file("systemd/yanxiud-backup.service"), encoding: .utf8)
        #expect(service.contains("backup --directory /var/lib/yanxiu/backups --keep "))
        #expect(service.contains("Type=oneshot"))
        let timer = try String(contentsOf: Paths.file("systemd/yanxiud-backup.timer"), encoding: .utf8)
        #expect(timer.contains("OnCalendar=*-*-* 02:30:00"))
        #expect(timer.contains("Persistent=true"))
    }

    @Test("systemd-analyze security scores the service 1.0 or lower")
    func security() throws {
        let folder = try stagedUnits()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run("/usr/bin/systemd-analyze", ["security", "--offline=true", folder.appendingPathComponent("yanxiud.service").path])
        let line = try #require(result.output.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let score = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(score <= 1.0, "\(line)")
    }

    @Test("the socket unit listens where the daemon's clients look, with mode 0660 and group yanxiu")
    func socketUnit() throws {
        let text = try String(contentsOf: Paths.file("systemd/yanxiud.socket"), encoding: .utf8)
        #expect(text.contains("ListenStream=/run/yanxiu/yanxiud.sock"))
        #expect(text.contains("SocketMode=0660"))
        #expect(text.contains("SocketGroup=yanxiu"))
    }
}
