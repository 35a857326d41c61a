import Foundation
import YanxiuClient

/// The release `yanxiud` started beside this benchmark binary on a scratch state folder.
final class DaemonProcess {
    let process = Process()
    let socketPath: String

    /// `prefix` runs the daemon through another program (`ip netns exec NAME`).
    init(stateDirectory: String, extraConfig: String = "", prefix: [String] = []) throws {
        socketPath = stateDirectory + "/yanxiud.sock"
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("yanxiud")
        let config = stateDirectory + "/yanxiud.conf"
        try "state-dir = \(stateDirectory)\nsocket = \(socketPath)\nlog-level = warning\n\(extraConfig)".write(toFile: config, atomically: true, encoding: .utf8)
        if let program = prefix.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(prefix.dropFirst()) + [binary.path, "--config", config, "--test-clock"]
        } else {
            process.executableURL = binary
            process.arguments = ["--config", config, "--test-clock"]
        }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let client = try? RPCClient(socketPath: socketPath), (try? client.call("system.ping")) != nil { return }
            usleep(20_000)
        }
        throw BenchError("yanxiud did not start (looked for it at \(binary.path); build with `swift build -c release` first)")
    }

    /// Peak resident memory of the daemon so far, in MiB (VmHWM).
    var peakResidentMiB: Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kb / 1024
    }

    /// CPU time the daemon has used so far (user + system), in seconds.
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
