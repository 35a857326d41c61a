import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// Two daemons on one PostgreSQL database: scheduled work runs once between them, and each says
/// which server it uses.
@Suite("Many daemons: scheduled work and status")
struct ManyDaemonsOperationsTests {
    /// The value of `yanxiu_scheduled_runs_total` for `job` and `outcome` in `daemon`'s metrics.
    private func runs(_ daemon: LiveDaemon, _ job: String, _ outcome: String) throws -> Int {
        let text = try daemon.call("system.metrics")["text"]?.stringValue ?? ""
        return Int(StatusAndMetricsTests.sample(text, "yanxiu_scheduled_runs_total{job=\"\(job)\",outcome=\"\(outcome)\"}") ?? 0)
    }

    @Test("both daemons start their pruning passes, and each job runs on one of them only", arguments: ["journal-prune", "accounts-prune"])
    func pruningRunsOnce(job: String) throws {
        let group = try DaemonGroup()
        let daemons = [group[0], group[1]]
        var (ran, skipped) = (0, 0)
        for _ in 0..<200 {
            ran = try daemons.map { try runs($0, job, "ran") }.reduce(0, +)
            skipped = try daemons.map { try runs($0, job, "skipped") }.reduce(0, +)
            if ran + skipped >= 2 { break }
            usleep(50_000)
        }
        #expect(ran == 1 && skipped == 1, "ran \(ran), skipped \(skipped)")
    }

    @Test("system.status and the metrics name the database server and say it is the primary")
    func statusNamesTheServer() throws {
        let group = try DaemonGroup(count: 1)
        let store = try group[0].call("system.status")["store"]
        #expect(store?["engine"] == "postgresql")
        #expect(store?["primary"] == true)
        let server = try #require(store?["server"]?.stringValue)
        #expect(server.hasSuffix("/" + group.database), "\(server)")
        let metrics = try group[0].call("system.metrics")["text"]?.stringValue ?? ""
        #expect(StatusAndMetricsTests.sample(metrics, "yanxiu_store_primary") == 1, "\(metrics)")
        let screen = try run(LiveDaemon.ctlPath, ["--socket", group[0].socketPath, "status"])
        #expect(screen.output.contains("database server  \(server) (primary)"), "\(screen.output)")
    }
}
