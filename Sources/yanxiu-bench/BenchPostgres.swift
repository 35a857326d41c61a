import Foundation
import PostgresCluster

/// A PostgreSQL server of the benchmark's own, on this machine, durable as in production
/// (`fsync` and `synchronous_commit` on), with memory settings a small dedicated server would have.
final class BenchPostgres {
    let cluster: PostgresCluster
    let conninfo: String

    /// The server's settings; `namespaces` puts it in their server namespace, listening on TCP there.
    init(namespaces: NetworkNamespaces? = nil) throws {
        var settings = [
            "shared_buffers": "512MB", "wal_buffers": "16MB", "max_wal_size": "4GB", "checkpoint_timeout": "15min",
            "synchronous_commit": "on", "max_connections": "200",
        ]
        var launcher = PostgresCluster.Launcher.serialised
        if let namespaces {
            // The port is chosen on loopback here; the server then listens on its veth addresses only.
            settings["listen_addresses"] = namespaces.serverAddresses.joined(separator: ",")
            let prefix = namespaces.exec(in: namespaces.database)
            launcher = PostgresCluster.Launcher { process in
                let program = process.executableURL?.path ?? ""
                process.executableURL = URL(fileURLWithPath: prefix[0])
                process.arguments = Array(prefix.dropFirst()) + [program] + (process.arguments ?? [])
                try process.run()
            }
        }
        cluster = try PostgresCluster.start(.init(
            settings: settings, listenTCP: namespaces == nil ? nil : "127.0.0.1", fsync: true, launcher: launcher))
        try cluster.createDatabase("bench")
        conninfo = cluster.conninfo(database: "bench")
    }

    /// The connection string of a daemon in namespace `index` (1-based), over TCP through its veth pair.
    func conninfo(namespaces: NetworkNamespaces, app index: Int) -> String {
        cluster.conninfo(database: "bench", tcp: true).replacingOccurrences(of: "host=127.0.0.1", with: "host=\(namespaces.serverAddress(index))")
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
