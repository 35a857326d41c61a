import Logging
import ServiceLifecycle
import Yanxiu

/// Prunes the heartbeat journal past its retention period, in small batches through the writer.
struct JournalPruneService: Service {
    let store: Store
    let clock: any DaemonClock
    let retentionMs: Int64
    let interval: Duration
    let logger: Logger

    func run() async throws {
        let interval = self.interval
        // A failing sibling service cancels this task instead of shutting it down gracefully, and a
        // cancelled sleep returns at once: checking only for graceful shutdown would spin for ever.
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await pruneOnce()
            // Graceful shutdown does not cancel this task: without this, SIGTERM would wait out
            // the whole interval (an hour by default) before the daemon could exit.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    func pruneOnce() async {
        let cutoff = clock.nowMs - retentionMs
        var total = 0
        do {
            while true {
                // Small batches keep each group commit short, so heartbeats never wait long behind pruning.
                let removed = try await store.write { db in try HeartbeatJournal.prune(db, olderThan: cutoff, limit: 5_000) }
                total += removed
                if removed < 5_000 || Task.isShuttingDownGracefully { break }
            }
            if total > 0 { logger.info("pruned heartbeat journal", metadata: ["journal.removed": "\(total)"]) }
        } catch {
            logger.warning("pruning the heartbeat journal failed", metadata: ["error": "\(error)"])
        }
    }
}
