import Foundation
import Logging
import ServiceLifecycle
import Yanxiu

/// A service that prunes once at start and then every `interval`, until a graceful stop.
///
/// Daemons sharing a database prune it once between them: each run is first claimed in the
/// store (`OperationsStore.claimScheduledRun`), and a daemon whose claim fails (another daemon
/// is running the job, or ran it less than `interval` ago) skips that run.
protocol PeriodicPruneService: Service {
    var job: ScheduledJob { get }
    var store: any Store { get }
    var interval: Duration { get }
    var logger: Logger { get }
    func pruneOnce() async
}

extension PeriodicPruneService {
    func run() async throws {
        // A graceful stop cancels the wait at once; cancellation ends the loop.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if await claimRun() { await pruneOnce() }
                try await Task.sleep(for: interval)
            }
        }
    }

    /// Whether this daemon runs the job now. The interval is measured on the wall clock, which
    /// the hosts share, never on the daemon's own (test) clock.
    private func claimRun() async -> Bool {
        let (job, now) = (self.job, Int64(Date().timeIntervalSince1970 * 1000))
        let intervalMs = Int64(interval.components.seconds * 1000) + interval.components.attoseconds / 1_000_000_000_000_000
        do {
            let claimed = try await store.write { tx in try tx.operations.claimScheduledRun(job, now: now, intervalMs: intervalMs) }
            ScheduledRunMetrics.count(job, ran: claimed)
            if !claimed { logger.debug("scheduled job left to another daemon", metadata: ["job": "\(job.rawValue)"]) }
            return claimed
        } catch {
            logger.warning("a scheduled job could not be claimed", metadata: ["job": "\(job.rawValue)", "error": "\(error)"])
            return false
        }
    }
}
