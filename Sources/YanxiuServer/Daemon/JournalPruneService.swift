import Logging
import ServiceLifecycle
import Yanxiu

/// Prunes the heartbeat journal past its retention period, in small batches through the writer.
struct JournalPruneService: PeriodicPruneService {
    let job = ScheduledJob.journalPrune
    let store: any Store
    let clock: any DaemonClock
    let retentionMs: Int64
    let interval: Duration
    let logger: Logger

    func pruneOnce() async {
        let cutoff = clock.nowMs - retentionMs
        var total = 0
        do {
            while true {
                // Small batches keep each group commit short, so heartbeats never wait long behind pruning.
                let removed = try await store.write { tx in try tx.progress.pruneJournal(olderThan: cutoff, limit: 5_000) }
                total += removed
                if removed < 5_000 || Task.isShuttingDownGracefully { break }
            }
            if total > 0 { logger.info("pruned heartbeat journal", metadata: ["journal.removed": "\(total)"]) }
        } catch {
            logger.warning("pruning the heartbeat journal failed", metadata: ["error": "\(error)"])
        }
    }
}
