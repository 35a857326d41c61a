import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("Status and metrics")
struct StatusAndMetricsTests {
    /// The value of one sample line (`name{labels} value`) of a Prometheus exposition, or nil.
    static func sample(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test("metrics count the calls, commits and connections the daemon served")
    func metricsReflectTraffic() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let client = try daemon.client()
        let before = try #require(try client.call("system.metrics")["text"]?.stringValue)
        let pingsBefore = Self.sample(before, #"yanxiu_rpc_duration_seconds_count{method="system.ping"}"#) ?? 0
        for _ in 0..<7 { _ = try client.call("system.ping") }
        _ = try daemon.register("15900001111")
        _ = rpcError { try daemon.call("account.login", ["phone": "15900001111", "password": "wrong-password1"]) }

        let text = try #require(try client.call("system.metrics")["text"]?.stringValue)
        #expect(Self.sample(text, #"yanxiu_rpc_duration_seconds_count{method="system.ping"}"#) == pingsBefore + 7)
        #expect(Self.sample(text, #"yanxiu_rpc_duration_seconds_count{method="account.register"}"#) == 1)
        #expect(Self.sample(text, #"yanxiu_rpc_errors_total{method="account.login",reason="account.credentials_invalid"}"#) == 1)
        // Requesting the code, registering and the failed login each committed at least once.
        #expect((Self.sample(text, "yanxiu_store_commit_duration_seconds_count") ?? 0) >= 3)
        #expect((Self.sample(text, "yanxiu_store_commit_batch_size_sum") ?? 0) >= 3)
        // Connections of earlier calls may still be closing; three held open must show.
        let held = try (0..<3).map { _ in try daemon.client() }
        for client in held { _ = try client.call("system.ping") }
        let withHeld = try #require(try client.call("system.metrics")["text"]?.stringValue)
        #expect((Self.sample(withHeld, "yanxiu_connections_open") ?? 0) >= 4)
        #expect((Self.sample(text, "yanxiu_connections_accepted_total") ?? 0) >= 4)
        #expect(Self.sample(text, #"yanxiu_heartbeat_lane_queue_depth{lane="0"}"#) == 0)
        #expect(text.contains("# HELP yanxiu_heartbeats_accepted_total"))
        #expect(text.contains("# TYPE yanxiu_heartbeats_refused_total counter") || !text.contains("yanxiu_heartbeats_refused_total{"))
        // Methods never called are not listed.
        #expect(!text.contains(#"method="admin.revoke""#))
    }

    @Test("yanxiuctl stats prints the exposition and is refused to non-operators")
    func statsCommand() throws {
        let daemon = try LiveDaemon()
        let stats = try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath, "stats"])
        #expect(stats.status == 0)
        #expect(stats.output.contains("# TYPE yanxiu_rpc_duration_seconds histogram"))
        let asNobody = try runAsNobody([LiveDaemon.ctlPath, "--socket", daemon.socketPath, "stats"])
        #expect(asNobody.status == 1)
        #expect(asNobody.stdout.contains("auth.operator_required"))
    }

    @Test("yanxiuctl status shows version, uptime, schema, connections, queues and backups on one screen")
    func statusScreen() throws {
        let daemon = try LiveDaemon()
        let status = try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath, "status"])
        #expect(status.status == 0)
        let lines = status.output.split(separator: "\n")
        #expect(lines.count <= 24, "fits one terminal screen")
        #expect(lines.first?.hasPrefix("yanxiud 0.1.0  up ") == true)
        #expect(lines.first?.contains("(test clock)") == true)
        let schema = try daemon.call("system.status")["schemaVersion"]?.int64Value
        #expect(lines.first?.contains("schema \(schema ?? -1)/\(schema ?? -1)") == true)
        #expect(status.output.contains("connections      1 open"))
        #expect(status.output.contains("heartbeat lanes  0 waiting"))
        #expect(status.output.contains("last backup      never"))
        let json = try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath, "--json", "status"])
        let parsed = try JSONParser.parse(json.output)
        #expect(parsed["connections"]?["open"]?.int64Value == 1)
    }
}
