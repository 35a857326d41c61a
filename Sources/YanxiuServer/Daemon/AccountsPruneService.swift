import Logging
import ServiceLifecycle
import Yanxiu

/// Removes sessions, SMS codes and messages, failed logins, locks and anonymous failure audit
/// rows past their time (`AccountsRetention`), in small batches through the writer.
struct AccountsPruneService: PeriodicPruneService {
    let job = ScheduledJob.accountsPrune
    let store: any Store
    let clock: any DaemonClock
    let retention: AccountsRetention
    let interval: Duration
    let logger: Logger

    func pruneOnce() async {
        let now = clock.nowMs
        let retention = self.retention
        var total = AccountsRetention.Removed()
        do {
            while true {
                // Small batches keep each group commit short, so heartbeats never wait long behind pruning.
                let removed = try await store.write { tx in try retention.prune(tx, now: now, limit: 2_000) }
                total.add(removed)
                if removed.total == 0 || Task.isShuttingDownGracefully { break }
            }
            if total.total > 0 {
                logger.info("pruned account records", metadata: [
                    "prune.sessions": "\(total.sessions)", "prune.sms_codes": "\(total.codes)", "prune.sms_outbox": "\(total.outbox)",
                    "prune.login_failures": "\(total.failures)", "prune.login_locks": "\(total.locks)", "prune.audit": "\(total.audit)",
                ])
            }
        } catch {
            logger.warning("pruning account records failed", metadata: ["error": "\(error)"])
        }
    }
}
