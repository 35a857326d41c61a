import Foundation

/// Where PostgreSQL's programs are: `pg_config --bindir` when it answers, else the newest
/// of Debian's `/usr/lib/postgresql/<version>/bin`.
struct PostgresBinaries: Sendable {
    let directory: String

    func path(_ program: String) -> String { directory + "/" + program }

    static func locate(launcher: PostgresCluster.Launcher) throws -> PostgresBinaries {
        if let fromConfig = try bindirFromPgConfig(launcher: launcher), hasServer(fromConfig) {
            return PostgresBinaries(directory: fromConfig)
        }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let newest = versions
            .compactMap { name in Int(name).map { (version: $0, bin: root + "/" + name + "/bin") } }
            .filter { hasServer($0.bin) }
            .max { $0.version < $1.version }
        guard let newest else {
            throw PostgresClusterError("no PostgreSQL server found (pg_config --bindir, \(root)/*/bin); install Debian's postgresql package (script/setup)")
        }
        return PostgresBinaries(directory: newest.bin)
    }

    private static func hasServer(_ directory: String) -> Bool {
        ["initdb", "pg_ctl", "postgres", "psql"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: directory + "/" + $0)
        }
    }

    private static func bindirFromPgConfig(launcher: PostgresCluster.Launcher) throws -> String? {
        guard let pgConfig = ExecutableSearch.find("pg_config") else { return nil }
        let command = ClusterCommand(launcher: launcher, switchUser: nil, workingDirectory: URL(fileURLWithPath: "/"))
        let result = try command.run(pgConfig, ["--bindir"])
        guard result.succeeded else { return nil }
        let directory = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return directory.isEmpty ? nil : directory
    }
}

/// Finds a program on `PATH` and in the system folders `PATH` may leave out.
enum ExecutableSearch {
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        return folders.lazy.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
