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
    private var loads: UInt64 = 0
    /// The state of the lane's stamp sequence (SplitMix64 from a random seed): random stamps for
    /// its writes without a system call each.
    private var stampState = UInt64.random(in: .min ... .max)

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

    /// A new load's generation (see `AccountProgressState.generation`). On the lane only.
    func nextGeneration() -> UInt64 {
        loads += 1
        return loads
    }

    /// A stamp for a write judged on the lane (see `ProgressWrite`): random, never 0. On the lane only.
    func nextStamp() -> Int64 {
        while true {
            stampState &+= 0x9E37_79B9_7F4A_7C15
            var z = stampState
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            let stamp = Int64(bitPattern: z ^ (z >> 31))
            if stamp != 0 { return stamp }
        }
    }

    /// Drops an account's hot state so the next touch reloads it from the store (after a failed
    /// commit), unless the state in memory was loaded after the one the failed write was judged on.
    func evict(_ accountID: Int64, generation: UInt64) {
        queue.async {
            if self.accounts[accountID]?.generation == generation { self.accounts.removeValue(forKey: accountID) }
        }
    }

    private func sweepIfDue() {
        operations += 1
        guard operations % 4096 == 0 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        accounts = accounts.filter { now &- $0.value.lastTouched < Self.idleEvictionNanoseconds }
    }
}
