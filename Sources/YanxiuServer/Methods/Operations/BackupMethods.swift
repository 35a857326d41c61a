import Foundation
import JSONRPC
import Locking
import Yanxiu

/// `admin.backup`: an online, consistent copy of the database.
final class BackupMethods: Sendable {
    let app: AppContext
    /// One backup at a time: a second would only halve the speed of both and of the writer.
    private let running = Locked(false)

    init(app: AppContext) { self.app = app }

    func descriptors() -> [MethodDescriptor] {
        [MethodDescriptor(
            "admin.backup",
            "Copies the database to a new file through SQLite's online backup API while the daemon keeps serving. Give `path` (a new file), or `directory` (the daemon names the file by date) with `keep` to delete all but the newest copies there.",
            access: .operator,
            params: [
                .string("path", required: false, "absolute path of the new file; never overwritten"),
                .string("directory", required: false, "absolute path of a folder for dated copies (yanxiu-YYYYMMDDTHHMMSSZ.sqlite)"),
                .integer("keep", required: false, "with directory: how many dated copies to keep (the newest)", minimum: 1),
                ParamSpec("progressToken", .any, required: false, "echoed in $/progress notifications {token, done, total} (pages)"),
            ],
            result: "{path, bytes, pages, milliseconds, at, rotated: [file names deleted]}",
            errors: ["params.invalid", "backup.exists", "backup.running", "backup.failed", "backup.external"]
        ) { call in try await self.backup(call) }]
    }

    private func backup(_ call: RPCCall) async throws -> JSONValue {
        let target = try BackupTarget(call.params, now: app.clock.nowMs)
        let claimed = running.withLock { busy in
            if busy { return false }
            busy = true
            return true
        }
        guard claimed else { throw BackupError.running }
        defer { running.withLock { $0 = false } }

        guard let store = app.sqlite else { throw BackupError.external }
        let token = call.params["progressToken"]
        let notify = call.notify
        var summary = try await Offload.run {
            try target.prepareFolder()
            return try store.backup(to: target.path) { done, total in
                if let token { notify("$/progress", ["token": token, "done": .int(done), "total": .int(total)]) }
            }
        }
        summary.at = app.clock.nowMs
        let recorded = summary
        try await store.write { tx in try BackupLog.record(tx, recorded) }
        let rotated = try await Offload.run { try target.rotate() }
        app.logger.notice("backup taken", metadata: [
            "backup.path": "\(summary.path)", "backup.bytes": "\(summary.bytes)", "backup.ms": "\(summary.milliseconds)",
            "backup.rotated": "\(rotated.count)", "peer.uid": "\(call.peer.uid)",
        ])
        var result = BackupMethods.json(summary).objectValue ?? [:]
        result["rotated"] = .array(rotated.map(JSONValue.string))
        return .object(result)
    }

    static func json(_ summary: BackupSummary) -> JSONValue {
        [
            "path": .string(summary.path), "bytes": .int64(summary.bytes), "pages": .int(summary.pages),
            "milliseconds": .int64(summary.milliseconds), "at": .string(Timestamp.format(summary.at)),
        ]
    }
}
