import Foundation

/// The server's main process, as its data folder names it, and the processes it started.
struct Postmaster: Sendable {
    let pid: pid_t

    /// The process named on the first line of `postmaster.pid`, whether or not it still runs.
    static func recorded(dataDirectory: String) -> Postmaster? {
        guard let text = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8),
              let first = text.split(separator: "\n").first,
              let pid = pid_t(first.trimmingCharacters(in: .whitespaces)), pid > 0
        else { return nil }
        return Postmaster(pid: pid)
    }

    var isAlive: Bool { Self.isAlive(pid) }

    /// Alive means neither gone nor a zombie: the server is not our child, and whoever inherits
    /// it may be slow to reap it.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let nameEnd = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: nameEnd)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    /// The processes whose parent is the postmaster (backends and background workers).
    func children() -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { candidate in
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                  let nameEnd = stat.lastIndex(of: ")")
            else { return false }
            let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == pid
        }
    }

    /// Waits until every process in `pids` is gone; false when the time ran out.
    static func waitUntilGone(_ pids: [pid_t], timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while pids.contains(where: isAlive) {
            if Date() >= deadline { return false }
            usleep(10_000)
        }
        return true
    }
}
