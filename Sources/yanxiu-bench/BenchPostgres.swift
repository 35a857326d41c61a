import Foundation
import PostgresCluster

/// A PostgreSQL server of the benchmark's own, on this machine, durable as in production
/// (`fsync` and `synchronous_commit` on), with memory settings a small dedicated server would have.
final class BenchPostgres {
    let cluster: PostgresCluster
    let conninfo: String

    init() throws {
        cluster = try PostgresCluster.start(.init(settings: [
            "shared_buffers": "512MB", "wal_buffers": "16MB", "max_wal_size": "4GB", "checkpoint_timeout": "15min",
            "synchronous_commit": "on", "max_connections": "100",
        ], fsync: true))
        try cluster.createDatabase("bench")
        conninfo = cluster.conninfo(database: "bench")
    }

    /// CPU time (user + system) the server's processes have used so far, in seconds: the postmaster
    /// and every process it started.
    var cpuSeconds: Double {
        guard let postmaster = cluster.postmasterPID else { return 0 }
        var total = 0.0
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry), let stat = ProcessStat(pid: pid) else { continue }
            if pid == postmaster || stat.parent == postmaster { total += stat.cpuSeconds }
        }
        return total
    }

    func remove() {
        cluster.remove()
    }
}

/// The fields of `/proc/<pid>/stat` the benchmark reads.
struct ProcessStat {
    let parent: Int32
    let cpuSeconds: Double

    init?(pid: Int32) {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let parent = Int32(fields[1]), let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        self.parent = parent
        cpuSeconds = (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
