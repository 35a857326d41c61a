import CoreMetrics
import Locking
import NIOCore

/// Counts live connections against the limit and knows them for a graceful stop.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var accepted = 0
        var refused = 0
    }

    let limit: Int
    private let state = Locked(State())
    // Connections come and go far less often than requests, so these cost nothing that shows.
    private let openMeter = Meter(label: MetricNames.connectionsOpen)
    private let acceptedCounter = Counter(label: MetricNames.connectionsAccepted)
    private let refusedCounter = Counter(label: MetricNames.connectionsRefused)

    init(limit: Int) { self.limit = limit }

    /// Admits `channel` unless the limit is reached; admitted channels leave when they close.
    func admit(_ channel: any Channel) -> Bool {
        let id = ObjectIdentifier(channel)
        let admitted = state.withLock { state -> Bool in
            guard state.channels.count < limit else {
                state.refused += 1
                return false
            }
            state.channels[id] = channel
            state.accepted += 1
            return true
        }
        guard admitted else {
            refusedCounter.increment()
            return false
        }
        acceptedCounter.increment()
        openMeter.increment()
        channel.closeFuture.whenComplete { _ in
            _ = self.state.withLock { $0.channels.removeValue(forKey: id) }
            self.openMeter.decrement()
        }
        return true
    }

    var count: Int { state.withLock { $0.channels.count } }
    var totals: (accepted: Int, refused: Int) { state.withLock { ($0.accepted, $0.refused) } }

    /// Tells every connection to finish its requests and close, and closes those still open
    /// after `grace` (a client that never reads its replies cannot finish). Completes when all
    /// are closed; returns how many had to be closed at the deadline.
    func drainAll(grace: TimeAmount) async -> Int {
        let channels = state.withLock { Array($0.channels.values) }
        let deadline = NIODeadline.now() + grace
        let forced = Locked(0)
        for channel in channels {
            channel.pipeline.fireUserInboundEventTriggered(DrainEvent())
            let cutoff = channel.eventLoop.scheduleTask(deadline: deadline) {
                guard channel.isActive else { return }
                forced.withLock { $0 += 1 }
                channel.close(promise: nil)
            }
            channel.closeFuture.whenComplete { _ in cutoff.cancel() }
        }
        for channel in channels {
            try? await channel.closeFuture.get()
        }
        return forced.withLock { $0 }
    }
}
