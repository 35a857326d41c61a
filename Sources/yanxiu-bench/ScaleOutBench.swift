import ArgumentParser
import Foundation
import JSONRPC
import Postgres
import Yanxiu
import YanxiuClient

/// `yanxiu-bench scaleout`: several daemons on one PostgreSQL server, each reaching it over TCP
/// from a network namespace of its own, as web hosts reach a database server; the teachers are
/// split between the daemons (each teacher stays on one), and the load runs on all at once.
struct ScaleOutBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scaleout",
        abstract: "Several daemons on one PostgreSQL server over TCP between network namespaces (needs root and ip).")

    @Option(help: "Daemons, each in its own network namespace.") var daemons = 2
    @Option(help: "Enrolled teachers, split between the daemons.") var teachers = 10_000
    @Option(help: "Connections to each daemon.") var connections = 16
    @Option(name: .customLong("in-flight"), help: "Requests in flight per connection (closed loop).") var inFlight = 4
    @Option(help: "Heartbeat rounds.") var rounds = 30
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        guard daemons >= 1, daemons <= 8 else { throw BenchError("--daemons must be 1 to 8") }
        let namespaces = try NetworkNamespaces(apps: daemons)
        defer { namespaces.remove() }
        let postgres = try BenchPostgres(namespaces: namespaces)
        defer { postgres.remove() }
        try BenchDataSet.seedPostgres(conninfo: postgres.conninfo, teachers: teachers, now: SystemClock().nowMs)
        var started: [DaemonProcess] = []
        var folders: [String] = []
        defer {
            for daemon in started { daemon.stop() }
            for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        }
        for index in 1...daemons {
            let folder = NSTemporaryDirectory() + "yanxiu-bench-scale-\(index)-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            folders.append(folder)
            started.append(try DaemonProcess(
                stateDirectory: folder,
                extraConfig: "store = postgresql\npostgresql = \(postgres.conninfo(namespaces: namespaces, app: index))",
                prefix: namespaces.exec(in: namespaces.app(index))))
        }
        let controls = try started.map { try RPCClient(socketPath: $0.socketPath) }
        func advanceClocks() throws {
            for control in controls { _ = try control.call("testClock.advance", ["seconds": 10]) }
        }
        // A first round loads every teacher's state into its daemon's lanes; not counted.
        _ = try play(round: 0, on: started)
        try advanceClocks()
        let cpuBefore = started.map(\.cpuSeconds)
        let serverCPUBefore = postgres.cpuSeconds
        let observer = try PostgresConnection(postgres.conninfo)
        let walBefore = try ServerCounters(observer)
        let clock = Date()
        var results = Array(repeating: LoadRound.Result(), count: daemons)
        for round in 1...rounds {
            let played = try play(round: round, on: started)
            for index in 0..<daemons {
                results[index].latenciesMs += played[index].latenciesMs
                results[index].accepted += played[index].accepted
                results[index].failed += played[index].failed
            }
            try advanceClocks()
        }
        let seconds = Date().timeIntervalSince(clock)
        let cpu = zip(started.map(\.cpuSeconds), cpuBefore).map { $0 - $1 }
        let serverCPU = postgres.cpuSeconds - serverCPUBefore
        let server = try ServerCounters(observer).since(walBefore)
        print(report(results, seconds: seconds, daemonCPU: cpu, serverCPU: serverCPU, server: server))
    }

    /// One round on every daemon at once, each with its share of the teachers.
    private func play(round: Int, on started: [DaemonProcess]) throws -> [LoadRound.Result] {
        let collector = RoundResults(count: started.count)
        let group = DispatchGroup()
        for (index, daemon) in started.enumerated() {
            let load = LoadRound(socketPath: daemon.socketPath, teachers: teachers, connections: connections, inFlight: inFlight,
                                 rate: 0, round: round, share: (index, started.count))
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                collector.set(index, Result { try load.run() })
            }
        }
        group.wait()
        return try collector.results()
    }

    private func report(_ results: [LoadRound.Result], seconds: Double, daemonCPU: [Double], serverCPU: Double, server: ServerCounters) -> String {
        let accepted = results.map(\.accepted).reduce(0, +)
        let failed = results.map(\.failed).reduce(0, +)
        let latencies = results.flatMap(\.latenciesMs).sorted()
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let perHeartbeat = { (cpu: Double) in cpu * 1e6 / Double(max(accepted, 1)) }
        if json {
            return JSONWriter.string([
                "daemons": .int(daemons), "teachers": .int(teachers), "connectionsPerDaemon": .int(connections), "inFlight": .int(inFlight),
                "accepted": .int(accepted), "refused": .int(failed), "seconds": .double(seconds),
                "heartbeatsPerSecond": .double((Double(accepted) / seconds).rounded()),
                "perDaemon": .array(results.map { .double((Double($0.accepted) / seconds).rounded()) }),
                "latencyMs": ["p50": .double(percentile(0.5)), "p99": .double(percentile(0.99)), "p999": .double(percentile(0.999))],
                "daemonCPUMicrosecondsPerHeartbeat": .double(perHeartbeat(daemonCPU.reduce(0, +)).rounded()),
                "serverCPUMicrosecondsPerHeartbeat": .double(perHeartbeat(serverCPU).rounded()),
                "commitsPerSecond": .double((Double(server.commits) / seconds).rounded()),
                "walBytesPerHeartbeat": .double((Double(server.walBytes) / Double(max(accepted, 1))).rounded()),
            ])
        }
        var lines = [
            "scale-out: \(daemons) daemon(s) over TCP between network namespaces, one PostgreSQL server; \(teachers) teachers, \(connections) connections x \(inFlight) in flight per daemon",
            String(format: "  %d accepted durable heartbeats in %.2f s: %.0f/s in all (%d refused)", accepted, seconds, Double(accepted) / seconds, failed),
        ]
        for (index, result) in results.enumerated() {
            lines.append(String(format: "  daemon %d: %.0f/s, CPU %.1f s", index + 1, Double(result.accepted) / seconds, daemonCPU[index]))
        }
        lines.append(String(format: "  latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms", percentile(0.5), percentile(0.99), percentile(0.999)))
        lines.append(String(format: "  CPU per heartbeat: daemons %.0f µs, PostgreSQL server %.0f µs",
                            perHeartbeat(daemonCPU.reduce(0, +)), perHeartbeat(serverCPU)))
        lines.append(String(format: "  server: %.0f commits/s, %.0f bytes of WAL per heartbeat (%.1f MB/s)", Double(server.commits) / seconds,
                            Double(server.walBytes) / Double(max(accepted, 1)), Double(server.walBytes) / seconds / 1e6))
        return lines.joined(separator: "\n")
    }
}

/// The server's own counters: transactions committed in the benchmark's database and WAL written.
struct ServerCounters {
    let commits: Int64
    let walBytes: Int64

    init(_ connection: PostgresConnection) throws {
        let row = try connection.execute("""
            SELECT xact_commit, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint FROM pg_stat_database WHERE datname = current_database()
            """)[0]
        commits = row[0]
        walBytes = row[1]
    }

    private init(commits: Int64, walBytes: Int64) {
        self.commits = commits
        self.walBytes = walBytes
    }

    func since(_ earlier: ServerCounters) -> ServerCounters {
        ServerCounters(commits: commits - earlier.commits, walBytes: walBytes - earlier.walBytes)
    }
}

/// Each daemon's result of one round, filled by the threads that drive them.
private final class RoundResults: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var slots: [Result<LoadRound.Result, any Error>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<LoadRound.Result, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
    }

    func results() throws -> [LoadRound.Result] {
        lock.lock()
        defer { lock.unlock() }
        return try slots.map { try $0!.get() }
    }
}
