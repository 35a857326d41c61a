import ArgumentParser
import Foundation
import JSONRPC
import Yanxiu
import YanxiuClient

/// `yanxiu-bench heartbeats`: durable heartbeats per second, latency and memory of the real daemon.
struct HeartbeatBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heartbeats",
        abstract: "Honest 1.0x viewing by many teachers over the real socket, on the daemon's test clock.")

    @Option(help: "Enrolled teachers, each playing one lesson.") var teachers = 10_000
    @Option(help: "Connections.") var connections = 16
    @Option(name: .customLong("in-flight"), help: "Requests in flight per connection (closed loop).") var inFlight = 4
    @Option(help: "Heartbeat rounds (each teacher sends one per round; the clock moves 10 s between rounds).") var rounds = 30
    @Option(help: "Rounds first played to load every teacher's state into the daemon's lanes; reported apart, not counted.") var warmup = 1
    @Option(help: "Offered load in heartbeats per second (open loop); 0 for closed loop.") var rate = 0
    @Option(name: .customLong("daemon-setting"), help: "A daemon setting as key=value (repeatable), e.g. progress-lanes=2.") var daemonSettings: [String] = []
    @Option(help: "sqlite, or postgresql (a server of the benchmark's own is started on this machine).") var store = "sqlite"
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        guard store == "sqlite" || store == "postgresql" else { throw BenchError("--store must be sqlite or postgresql") }
        let directory = NSTemporaryDirectory() + "yanxiu-bench-hb-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let seedStart = Date()
        var settings = daemonSettings.map { $0.replacingOccurrences(of: "=", with: " = ") }
        let postgres = store == "postgresql" ? try BenchPostgres() : nil
        defer { postgres?.remove() }
        if let postgres {
            try BenchDataSet.seedPostgres(conninfo: postgres.conninfo, teachers: teachers, now: SystemClock().nowMs)
            settings += ["store = postgresql", "postgresql = \(postgres.conninfo)"]
        } else {
            try BenchDataSet.seed(path: directory + "/yanxiu.sqlite", teachers: teachers, now: SystemClock().nowMs)
        }
        let seedSeconds = Date().timeIntervalSince(seedStart)
        let daemon = try DaemonProcess(stateDirectory: directory, extraConfig: settings.joined(separator: "\n"))
        defer { daemon.stop() }
        let control = try RPCClient(socketPath: daemon.socketPath)

        var warmupP99 = 0.0
        for round in 0..<warmup {
            let result = try LoadRound(socketPath: daemon.socketPath, teachers: teachers, connections: connections,
                                       inFlight: inFlight, rate: rate, round: round).run()
            let sorted = result.latenciesMs.sorted()
            warmupP99 = sorted.isEmpty ? 0 : sorted[sorted.count * 99 / 100]
            _ = try control.call("testClock.advance", ["seconds": 10])
        }
        var latencies: [Double] = []
        var accepted = 0
        var failed = 0
        var reasons: [String: Int] = [:]
        let started = Date()
        let cpuBefore = daemon.cpuSeconds
        let databaseCPUBefore = postgres?.cpuSeconds ?? 0
        for round in warmup..<(warmup + rounds) {
            let result = try LoadRound(socketPath: daemon.socketPath, teachers: teachers, connections: connections,
                                       inFlight: inFlight, rate: rate, round: round).run()
            latencies += result.latenciesMs
            accepted += result.accepted
            failed += result.failed
            for (reason, count) in result.reasons { reasons[reason, default: 0] += count }
            _ = try control.call("testClock.advance", ["seconds": 10])
        }
        let seconds = Date().timeIntervalSince(started)
        let store = (try? control.call("system.info"))?["store"]
        let cpuUsed = daemon.cpuSeconds - cpuBefore
        let databaseCPU = (postgres?.cpuSeconds ?? 0) - databaseCPUBefore
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let report = BenchReport(
            teachers: teachers, connections: connections, inFlight: inFlight, offeredRate: rate, heartbeats: accepted + failed,
            accepted: accepted, failed: failed, seconds: seconds, p50: percentile(0.5), p99: percentile(0.99), p999: percentile(0.999),
            peakMiB: daemon.peakResidentMiB, seedSeconds: seedSeconds, daemonCPUSeconds: cpuUsed, reasons: reasons)
        print(json ? report.json : report.text)
        if !json {
            if warmup > 0 { print(String(format: "  warm-up (%d round(s), every teacher's state loaded from disk): p99 %.1f ms", warmup, warmupP99)) }
            if let store { print("  store writer: \(JSONWriter.string(store))") }
            if postgres != nil, accepted > 0 {
                print(String(format: "  PostgreSQL server CPU: %.1f s, %.0f µs per heartbeat", databaseCPU, databaseCPU / Double(accepted) * 1e6))
            }
        }
    }
}

/// The figures of one benchmark run.
struct BenchReport {
    let teachers, connections, inFlight, offeredRate, heartbeats, accepted, failed: Int
    let seconds, p50, p99, p999, peakMiB, seedSeconds, daemonCPUSeconds: Double
    let reasons: [String: Int]

    var perSecond: Double { Double(accepted) / seconds }

    var text: String {
        var lines = [
            String(format: "heartbeats: %d teachers, %d connections x %d in flight%@", teachers, connections, inFlight,
                   offeredRate > 0 ? " at an offered \(offeredRate)/s" : " (closed loop)"),
            String(format: "  %d accepted durable heartbeats in %.2f s: %.0f/s (%d refused)", accepted, seconds, perSecond, failed),
            String(format: "  latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms", p50, p99, p999),
            String(format: "  daemon peak resident memory %.1f MiB (data set seeded in %.1f s)", peakMiB, seedSeconds),
            String(format: "  daemon CPU %.1f s: %.1f µs per heartbeat", daemonCPUSeconds, daemonCPUSeconds * 1e6 / Double(max(accepted + failed, 1))),
        ]
        if !reasons.isEmpty { lines.append("  refusals: \(reasons.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }

    var json: String {
        JSONWriter.string([
            "teachers": .int(teachers), "connections": .int(connections), "inFlight": .int(inFlight), "offeredRate": .int(offeredRate),
            "accepted": .int(accepted), "refused": .int(failed), "seconds": .double(seconds), "heartbeatsPerSecond": .double(perSecond.rounded()),
            "latencyMs": ["p50": .double(p50), "p99": .double(p99), "p999": .double(p999)], "peakResidentMiB": .double(peakMiB),
            "daemonCPUMicrosecondsPerHeartbeat": .double((daemonCPUSeconds * 1e6 / Double(max(accepted + failed, 1))).rounded()),
        ])
    }
}
