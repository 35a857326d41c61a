import Foundation

/// Network namespaces joined by veth pairs, so that daemons reach their PostgreSQL server over
/// real TCP, as from other hosts: namespace `<prefix>-db` holds the server, and each
/// `<prefix>-appN` a daemon, linked to the server's namespace by a pair of its own
/// (`10.77.N.2` on the daemon's side, `10.77.N.1` on the server's). Needs root and `ip`
/// (iproute2). Everything is removed by `remove()`, and first if a previous run left it behind.
final class NetworkNamespaces {
    let prefix: String
    let apps: Int
    private(set) var created = false

    init(prefix: String = "yxbench", apps: Int) throws {
        self.prefix = prefix
        self.apps = apps
        guard getuid() == 0 else { throw BenchError("--netns needs root (ip netns)") }
        remove()
        try ip("netns", "add", database)
        created = true
        try ip("-n", database, "link", "set", "lo", "up")
        for app in 1...apps {
            let name = self.app(app)
            try ip("netns", "add", name)
            try ip("-n", name, "link", "set", "lo", "up")
            // One pair per daemon: created in the daemon's namespace, one end moved to the server's.
            try ip("-n", name, "link", "add", "yx\(app)a", "type", "veth", "peer", "name", "yx\(app)d", "netns", database)
            try ip("-n", name, "addr", "add", "\(appAddress(app))/24", "dev", "yx\(app)a")
            try ip("-n", name, "link", "set", "yx\(app)a", "up")
            try ip("-n", database, "addr", "add", "\(serverAddress(app))/24", "dev", "yx\(app)d")
            try ip("-n", database, "link", "set", "yx\(app)d", "up")
        }
    }

    var database: String { "\(prefix)-db" }
    func app(_ index: Int) -> String { "\(prefix)-app\(index)" }
    /// The server's address as daemon `index` (1-based) reaches it.
    func serverAddress(_ index: Int) -> String { "10.77.\(index).1" }
    func appAddress(_ index: Int) -> String { "10.77.\(index).2" }
    /// Every address the server listens on.
    var serverAddresses: [String] { (1...apps).map(serverAddress) }

    /// The command prefix that runs a program in namespace `name`.
    func exec(in name: String) -> [String] { [Self.ipPath, "netns", "exec", name] }

    func remove() {
        for name in [database] + (1...max(apps, 1)).map(app) {
            _ = try? Self.run([Self.ipPath, "netns", "del", name], quiet: true)
        }
        created = false
    }

    private func ip(_ arguments: String...) throws {
        try Self.run([Self.ipPath] + arguments, quiet: false)
    }

    static var ipPath: String {
        ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "ip"
    }

    private static func run(_ command: [String], quiet: Bool) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if quiet { throw BenchError(said) }
            throw BenchError("\(command.joined(separator: " ")): \(said.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
