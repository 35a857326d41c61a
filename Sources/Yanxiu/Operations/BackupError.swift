import JSONRPC

/// Why a backup could not be taken.
public enum BackupError: Error, Sendable, Equatable, RPCErrorConvertible {
    /// Backups never overwrite: an existing file may be the only good copy.
    case exists(String)
    /// Another backup is running; one at a time keeps the disk's bandwidth for the writer.
    case running
    case io(String)

    public var rpcError: RPCError {
        switch self {
        case .exists(let path):
            RPCError(code: 409, message: "\(path) exists; backups never overwrite a file", reason: "backup.exists", data: ["path": .string(path)])
        case .running:
            RPCError(code: 409, message: "A backup is already running", reason: "backup.running")
        case .io(let detail):
            RPCError(code: 503, message: "Backup failed: \(detail)", reason: "backup.failed", data: ["retryAfterMs": 60_000])
        }
    }
}
