import Dispatch
import Locking

/// Figures of a group-commit writer's last commits, for status and metrics.
public struct WriterStatistics: Sendable {
    public var batches: Int = 0
    public var units: Int = 0
    public var largestBatch: Int = 0
    public var lastBatchSize: Int = 0
    public var lastCommitNanoseconds: UInt64 = 0
    public var totalCommitNanoseconds: UInt64 = 0
    public var longestCommitNanoseconds: UInt64 = 0
    /// Uptime (ns) at which the commit now running began; nil while idle.
    public var commitStartedAt: UInt64?
}

/// The queue in front of a group-commit writer, whichever engine commits.
///
/// Callers' units wait here; one Dispatch queue takes everything waiting (up to `maxBatch`) as one
/// batch and hands it to `commit`. Units that arrive while a commit is in flight form the next
/// batch, so batches grow exactly when the commit is the bottleneck.
final class CommitQueue<Unit: Sendable>: Sendable {
    enum Admission { case queued, startDrain, refused }

    struct State {
        var pending: [Unit] = []
        var draining = false
        var closed = false
    }

    private let queue: DispatchQueue
    private let state = Locked(State())
    private let stats = Locked(WriterStatistics())
    private let idle = DispatchGroup()
    private let metrics = WriterMetrics()
    private let commit: @Sendable ([Unit]) -> Void
    let maxBatch: Int

    init(label: String, maxBatch: Int, commit: @escaping @Sendable ([Unit]) -> Void) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
        self.maxBatch = maxBatch
        self.commit = commit
    }

    var statistics: WriterStatistics { stats.withLock { $0 } }
    var depth: Int { state.withLock { $0.pending.count } }

    /// Queues `unit` for the next batch; false (and nothing queued) once closed.
    func enqueue(_ unit: Unit) -> Bool {
        let admission: Admission = state.withLock { state in
            if state.closed { return .refused }
            state.pending.append(unit)
            if state.draining { return .queued }
            state.draining = true
            return .startDrain
        }
        switch admission {
        case .queued: return true
        case .refused: return false
        case .startDrain:
            idle.enter()
            queue.async { self.drain() }
            return true
        }
    }

    /// Stops taking new units and waits until everything already queued has been committed.
    func close() {
        state.withLock { $0.closed = true }
        idle.wait()
    }

    private func drain() {
        while true {
            let batch: [Unit] = state.withLock { state in
                let count = min(state.pending.count, maxBatch)
                let batch = Array(state.pending.prefix(count))
                state.pending.removeFirst(count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            if batch.isEmpty {
                idle.leave()
                return
            }
            let start = DispatchTime.now().uptimeNanoseconds
            stats.withLock { $0.commitStartedAt = start }
            commit(batch)
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            stats.withLock { stats in
                stats.batches += 1
                stats.units += batch.count
                stats.lastBatchSize = batch.count
                stats.largestBatch = max(stats.largestBatch, batch.count)
                stats.lastCommitNanoseconds = elapsed
                stats.totalCommitNanoseconds += elapsed
                stats.longestCommitNanoseconds = max(stats.longestCommitNanoseconds, elapsed)
                stats.commitStartedAt = nil
            }
            metrics.record(units: batch.count, nanoseconds: elapsed)
        }
    }
}
