import ArgumentParser
import Foundation
import JSONRPC

/// `yanxiuctl status`
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Version, uptime, schema version, connections, queue depths and the last backup, in one screen.")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let status = try Session(options).call("system.status")
        if options.json {
            Output.result(status, json: true)
        } else {
            Output.line(StatusScreen(status: status).render())
        }
    }
}

/// `yanxiuctl stats`
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The daemon's metrics (Prometheus text format): heartbeats, queues, commits, RPC latency, connections.",
        discussion: "Example: yanxiuctl stats | grep yanxiu_heartbeats")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let result = try Session(options).call("system.metrics")
        if options.json {
            Output.result(result, json: true)
        } else {
            Output.write(Array((result["text"]?.stringValue ?? "").utf8))
        }
    }
}

/// `yanxiuctl backup PATH` or `yanxiuctl backup --directory DIR --keep N`
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database while the daemon keeps serving (SQLite's online backup).",
        discussion: """
            The daemon writes the copy, so PATH must be writable by it (under systemd: inside /var/lib/yanxiu).
            Examples:
              yanxiuctl backup /var/lib/yanxiu/backups/before-upgrade.sqlite
              yanxiuctl backup --directory /var/lib/yanxiu/backups --keep 7
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The new file (absolute, or relative to this folder); never overwritten.") var path: String?
    @Option(help: "A folder for dated copies (yanxiu-YYYYMMDDTHHMMSSZ.sqlite) instead of PATH.") var directory: String?
    @Option(help: "With --directory: keep the newest N dated copies, delete older ones.") var keep: Int?

    func validate() throws {
        guard (path == nil) != (directory == nil) else { throw ValidationError("give PATH or --directory, not both") }
        if keep != nil, directory == nil { throw ValidationError("--keep applies to --directory") }
        if let keep, keep < 1 { throw ValidationError("--keep must be at least 1") }
    }

    func run() throws {
        var params: JSONObject = ["progressToken": "backup"]
        if let path { params["path"] = .string(Self.absolute(path)) }
        if let directory { params["directory"] = .string(Self.absolute(directory)) }
        if let keep { params["keep"] = .int(keep) }
        let result = try Session(options).call("admin.backup", params) { name, progress in
            guard name == "$/progress", !options.json, let done = progress["done"]?.int64Value, let total = progress["total"]?.int64Value else { return }
            Output.progress(done: done, total: total, label: "pages")
        }
        if options.json {
            Output.result(result, json: true)
            return
        }
        let mib = Double(result["bytes"]?.int64Value ?? 0) / 1_048_576
        Output.line(String(format: "backed up to %@ (%.1f MiB in %lld ms)", result["path"]?.stringValue ?? "?", mib, result["milliseconds"]?.int64Value ?? 0))
        for name in result["rotated"]?.arrayValue ?? [] { Output.line("removed old copy \(name.stringValue ?? "?")") }
    }

    /// The daemon resolves nothing against the caller's folder, so relative paths are made absolute here.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
