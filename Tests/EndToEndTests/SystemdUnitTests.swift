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

    /// The value of the last `KEY=` line of a unit file (systemd lets a later line win).
    static func setting(_ key: String, in text: String) -> String? {
        text.split(separator: "\n").last { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }

    /// A systemd time span like `2s` or `5min`, in seconds.
    static func seconds(_ span: String) -> Double? {
        for (suffix, factor) in [("min", 60.0), ("ms", 0.001), ("s", 1.0), ("h", 3600.0)] where span.hasSuffix(suffix) {
            return Double(span.dropLast(suffix.count)).map { $0 * factor }
        }
        return Double(span)
    }

    @Test("a configuration or usage error is never restarted, and a crash loop reaches the start limit")
    func restartPolicy() throws {
        let text = try String(contentsOf: Paths.file("systemd/yanxiud.service"), encoding: .utf8)
        let prevented = try #require(Self.setting("RestartPreventExitStatus", in: text)).split(separator: " ")
        #expect(prevented.contains("78") && prevented.contains("64"))
        let restartSec = try #require(Self.setting("RestartSec", in: text).flatMap(Self.seconds))
        let interval = try #require(Self.setting("StartLimitIntervalSec", in: text).flatMap(Self.seconds))
        let burst = try #require(Self.setting("StartLimitBurst", in: text).flatMap { Double($0) })
        #expect(restartSec * burst < interval, "the burst fits in the interval, so the limit is reached")
    }

    @Test("the configuration folder has the same mode in the unit and in the tmpfiles snippet")
    func configurationDirectoryMode() throws {
        let unit = try String(contentsOf: Paths.file("systemd/yanxiud.service"), encoding: .utf8)
        let snippet = try String(contentsOf: Paths.file("systemd/yanxiu.tmpfiles.conf"), encoding: .utf8)
        let line = try #require(snippet.split(separator: "\n").first { $0.hasPrefix("d /etc/yanxiu ") })
        let mode = line.split(separator: " ", omittingEmptySubsequences: true)[2]
        #expect(Self.setting("ConfigurationDirectoryMode", in: unit) == String(mode))
    }

    @Test("the daemon sees its peers' real uids: no private user namespace")
    func realPeerCredentials() throws {
        let unit = try String(contentsOf: Paths.file("systemd/yanxiud.service"), encoding: .utf8)
        #expect(Self.setting("PrivateUsers", in: unit) ?? "no" == "no")
    }

    @Test("members of yanxiu-operators get the socket through a default ACL on its folder")
    func operatorsReachTheSocket() throws {
        let snippet = try String(contentsOf: Paths.file("systemd/yanxiu.tmpfiles.conf"), encoding: .utf8)
        let socket = try String(contentsOf: Paths.file("systemd/yanxiud.socket"), encoding: .utf8)
        let folder = try #require(Self.setting("ListenStream", in: socket)).split(separator: "/").dropLast().joined(separator: "/")
        let acl = try #require(snippet.split(separator: "\n").first { $0.hasPrefix("a+ /\(folder) ") })
        let entries = Set(try #require(acl.split(separator: " ").last).split(separator: ","))
        // The socket's own group keeps rw (not the folder's r-x); others get nothing.
        #expect(entries == ["default:user::rw-", "default:group::rw-", "default:other::---", "default:group:yanxiu-operators:rw-"])
    }

    @Test("the shipped yanxiud.conf is accepted, sets only that an installed service starts without sample data, and comments the rest")
    func shippedConfiguration() throws {
        let file = Paths.file("systemd/yanxiud.conf").path
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let settings = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
        #expect(settings == ["sample-directory = none", "first-start-topic = none"])
        // A bad file fails at once (EX_CONFIG); this one gets as far as the state folder check.
        let result = try run(LiveDaemon.daemonPath, ["--config", file, "--state-dir", "/proc/yanxiu-no-such-folder"])
        #expect(!result.output.contains("configuration error"), "\(result.output)")
        #expect(result.status != 78)
    }
}
