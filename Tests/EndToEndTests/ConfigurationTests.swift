import Foundation
import Testing

@Suite("The configuration file")
struct ConfigurationTests {
    @Test("a bad value stops the daemon before it starts (EX_CONFIG), naming the setting", arguments: [
        ("shutdown-grace", "0", "shutdown-grace must be a positive number of seconds"),
        ("idle-timeout", "-1", "idle-timeout must be a positive number of seconds"),
        ("socket-mode", "999", "socket-mode must be octal"),
    ])
    func badValue(key: String, value: String, message: String) throws {
        let directory = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/yanxiud.conf"
        try "\(key) = \(value)\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try run(LiveDaemon.daemonPath, ["--config", file, "--state-dir", directory + "/state"])
        #expect(result.status == 78, "EX_CONFIG")
        #expect(result.output.contains(message), "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/state/yanxiu.sqlite"))
    }
}
