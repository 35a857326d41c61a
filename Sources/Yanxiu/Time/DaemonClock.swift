import Foundation
import Locking

/// The only clock that decides windows, expiries and watch time (milliseconds since the Unix epoch).
public protocol DaemonClock: Sendable {
    var nowMs: Int64 { get }
}

/// Wall-clock time of the machine.
public struct SystemClock: DaemonClock {
    public init() {}
    public var nowMs: Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}

/// A clock that stands still until an operator sets or advances it (`--test-clock`).
public final class TestClock: DaemonClock {
    private let current: Locked<Int64>

    public init(startMs: Int64 = SystemClock().nowMs) { current = Locked(startMs) }

    public var nowMs: Int64 { current.withLock { $0 } }

    @discardableResult
    public func set(_ ms: Int64) -> Int64 {
        current.withLock { $0 = ms; return ms }
    }

    @discardableResult
    public func advance(byMs delta: Int64) -> Int64 {
        current.withLock { $0 += delta; return $0 }
    }
}
