import Dispatch
import Logging
import ServiceLifecycle
import Systemd
import Yanxiu

/// Pings systemd's watchdog at half its timeout while the store's writer makes progress.
///
/// A writer that holds pending work without committing for longer than the watchdog
/// timeout counts as stalled: the pings stop and systemd restarts the daemon.
struct WatchdogService: Service {
    let interval: Duration?
    let notifier: Notifier
    let store: any StoreEngine
    let logger: Logger

    func run() async throws {
        guard let interval else {
            try? await gracefulShutdown()
            return
        }
        logger.info("watchdog enabled", metadata: ["watchdog.interval": "\(interval)"])
        let monitor = StallMonitor(limit: interval * 2)
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let started = store.writerStatistics.commitStartedAt
                if monitor.isHealthy(commitStartedAt: started, now: DispatchTime.now().uptimeNanoseconds) {
                    _ = notifier.watchdog()
                } else {
                    logger.error("store writer stalled; withholding watchdog pings")
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}

/// Decides whether the writer is stuck: one commit running for longer than `limit`.
struct StallMonitor {
    let limit: Duration

    func isHealthy(commitStartedAt: UInt64?, now: UInt64) -> Bool {
        guard let commitStartedAt else { return true }
        return Duration.nanoseconds(Int64(now &- commitStartedAt)) < limit
    }
}
