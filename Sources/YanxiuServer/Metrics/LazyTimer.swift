import CoreMetrics
import Locking

/// A swift-metrics timer made when first used.
final class LazyTimer: Sendable {
    private let label: String
    private let dimensions: [(String, String)]
    private let timer = Locked<CoreMetrics.Timer?>(nil)

    init(label: String, dimensions: [(String, String)]) {
        self.label = label
        self.dimensions = dimensions
    }

    func recordNanoseconds(_ nanoseconds: Int64) {
        let timer = self.timer.withLock { timer in
            if let timer { return timer }
            let made = CoreMetrics.Timer(label: label, dimensions: dimensions)
            timer = made
            return made
        }
        timer.recordNanoseconds(nanoseconds)
    }
}
