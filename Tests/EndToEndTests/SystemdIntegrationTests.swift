import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("systemd integration with the real daemon")
struct SystemdIntegrationTests {
    @Test("readiness and stopping are announced on the notify socket")
    func notify() throws {
        let directory = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let notify = try NotifySocket(directory: directory)
        let daemon = try LiveDaemon(environment: ["NOTIFY_SOCKET": notify.path], directory: directory)
        let ready = notify.waitFor("READY=1")
        #expect(ready.contains { $0.contains("READY=1") })
        #expect(ready.contains { $0.contains("STATUS=") })
        kill(daemon.process.processIdentifier, SIGTERM)
        let stopping = notify.waitFor("STOPPING=1")
        #expect(stopping.contains { $0.contains("STOPPING=1") })
        daemon.process.waitUntilExit()
        #expect(daemon.process.terminationStatus == 0)
    }

    @Test("watchdog pings arrive at half of WATCHDOG_USEC")
    func watchdog() throws {
        let directory = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let notify = try NotifySocket(directory: directory)
        let daemon = try LiveDaemon(environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "400000"], directory: directory)
        _ = notify.waitFor("READY=1")
        let start = Date()
        let first = notify.waitFor("WATCHDOG=1", timeoutMs: 5000)
        let second = notify.waitFor("WATCHDOG=1", timeoutMs: 5000)
        #expect(first.contains { $0.contains("WATCHDOG=1") })
        #expect(second.contains { $0.contains("WATCHDOG=1") })
        #expect(Date().timeIntervalSince(start) < 3)
        #expect(daemon.stop() == 0)
    }

    @Test("socket activation through systemd-socket-activate")
    func socketActivation() throws {
        let directory = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let socketPath = directory + "/activated.sock"
        let activator = Process()
        activator.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-socket-activate")
        activator.arguments = ["-l", socketPath, "--", LiveDaemon.daemonPath, "--state-dir", directory + "/state", "--socket", directory + "/unused.sock"]
        let output = Pipe()
        activator.standardOutput = output
        activator.standardError = FileHandle.nullDevice
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NOTIFY_SOCKET")
        activator.environment = env
        try ProcessLaunch.run(activator)
        defer {
            if activator.isRunning { kill(activator.processIdentifier, SIGTERM); activator.waitUntilExit() }
        }
        var client: RPCClient?
        for _ in 0..<200 where client == nil {
            client = try? RPCClient(socketPath: socketPath)
            if client == nil { usleep(20_000) }
        }
        let connected = try #require(client)
        #expect(try connected.call("system.ping")["pong"] == true)
        // The daemon adopted the passed socket instead of binding its own path.
        #expect(!FileManager.default.fileExists(atPath: directory + "/unused.sock"))
        kill(activator.processIdentifier, SIGTERM)
        activator.waitUntilExit()
        #expect(activator.terminationStatus == 0)
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("socket-activated"))
    }

    @Test("a broken configuration: the waiting client gets 503 server.misconfigured at once, the daemon exits 78")
    func misconfiguredActivation() throws {
        let directory = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let socketPath = directory + "/activated.sock"
        let config = directory + "/yanxiud.conf"
        try "socket-mode = 999\n".write(toFile: config, atomically: true, encoding: .utf8)
        let activator = Process()
        activator.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-socket-activate")
        activator.arguments = ["-l", socketPath, "--", LiveDaemon.daemonPath, "--config", config, "--state-dir", directory + "/state"]
        let errors = Pipe()
        activator.standardOutput = FileHandle.nullDevice
        activator.standardError = errors
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NOTIFY_SOCKET")
        env.removeValue(forKey: "JOURNAL_STREAM")
        activator.environment = env
        try ProcessLaunch.run(activator)
        defer {
            if activator.isRunning { kill(activator.processIdentifier, SIGKILL); activator.waitUntilExit() }
        }
        var client: RPCClient?
        for _ in 0..<200 where client == nil {
            client = try? RPCClient(socketPath: socketPath)
            if client == nil { usleep(20_000) }
        }
        let connected = try #require(client)
        let start = Date()
        var refusal: RPCError?
        do {
            _ = try connected.call("system.ping")
        } catch let error as RPCError {
            refusal = error
        }
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(refusal?.code == 503)
        #expect(refusal?.reason == "server.misconfigured")
        activator.waitUntilExit()
        #expect(activator.terminationStatus == 78)
        let logged = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(logged.contains("configuration error, not starting"), "\(logged)")
        #expect(logged.contains("socket-mode must be octal"), "\(logged)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/state/yanxiu.sqlite"))
    }
}
