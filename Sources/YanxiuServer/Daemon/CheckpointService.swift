import Logging
import ServiceLifecycle
import Yanxiu

/// Folds the WAL back into the database file every few seconds, off the writer's path.
struct CheckpointService: Service {
    let store: SQLiteStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                do {
                    let store = self.store
                    let (frames, copied) = try await Offload.run { try store.checkpoint() }
                    logger.trace("checkpoint", metadata: ["wal.frames": "\(frames)", "wal.checkpointed": "\(copied)"])
                } catch {
                    logger.warning("checkpoint failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
