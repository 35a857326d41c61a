import Dispatch
import Foundation
import Synchronization

/// One serial lane of the heartbeat pool: owns the hot state of the accounts hashed to it.
///
/// Everything in `accounts` is touched only on `queue`, so the hot path takes no locks;
/// the only shared counter is the queue depth that bounds how much work may wait.
final class ProgressLane: @unchecked Sendable {
    let queue: DispatchQueue
    let limit: Int
    private let depth = Atomic<Int>(0)
    /// Confined to `queue` (see the type's comment).
    var accounts: [Int64: AccountProgressState] = [:]
    private var operations = 0

    /// Accounts idle for this long leave memory; their state is on disk.
    static let idleEvictionNanoseconds: UInt64 = 10 * 60 * 1_000_000_000

    init(index: Int, limit: Int) {
        queue = DispatchQueue(label: "yanxiu.progress.lane.\(index)", qos: .userInitiated)
        self.limit = limit
    }

    var queueDepth: Int { depth.load(ordering: .relaxed) }

    /// Runs `work` on the lane unless its queue is full; false means refused, nothing done.
    func enqueue(_ work: @escaping @Sendable () -> Void) -> Bool {
        let waiting = depth.wrappingAdd(1, ordering: .relaxed).newValue
        guard waiting <= limit else {
            depth.wrappingSubtract(1, ordering: .relaxed)
            return false
        }
        queue.async {
            work()
            self.depth.wrappingSubtract(1, ordering: .relaxed)
            self.sweepIfDue()
        }
        return true
    }

    /// Runs `work` on the lane even when its queue is full (for small bookkeeping that must follow a commit).
    func enqueueUnbounded(_ work: @escaping @Sendable () -> Void) {
        depth.wrappingAdd(1, ordering: .relaxed)
        queue.async {
            work()
            self.depth.wrappingSubtract(1, ordering: .relaxed)
        }
    }

    /// Drops an account's hot state so the next touch reloads it from disk (after a failed commit).
    func evict(_ accountID: Int64) {
        queue.async { self.accounts.removeValue(forKey: accountID) }
    }

    private func sweepIfDue() {
        operations += 1
        guard operations % 4096 == 0 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        accounts = accounts.filter { now &- $0.value.lastTouched < Self.idleEvictionNanoseconds }
    }
}
