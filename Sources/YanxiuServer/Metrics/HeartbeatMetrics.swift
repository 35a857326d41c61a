import CoreMetrics
import JSONRPC
import Locking
import Yanxiu

/// Counts heartbeats: accepted ones by verdict, refused ones by `data.reason`.
///
/// The accepted counters exist from the start (one per verdict) so the hot path is one
/// dictionary read and one atomic add; refusal reasons are open-ended and rare, so their
/// counters are made on first use behind a lock.
final class HeartbeatMetrics: Sendable {
    private let accepted: [HeartbeatVerdict: Counter]
    private let refused = Locked<[String: Counter]>([:])

    init() {
        var accepted: [HeartbeatVerdict: Counter] = [:]
        for verdict in HeartbeatVerdict.allCases {
            accepted[verdict] = Counter(label: MetricNames.heartbeatsAccepted, dimensions: [("verdict", verdict.rawValue)])
        }
        self.accepted = accepted
    }

    func record(_ result: Result<HeartbeatReceipt, any Error>) {
        switch result {
        case .success(let receipt):
            accepted[receipt.verdict]?.increment()
        case .failure(let error):
            refusals(reason: Self.reason(of: error)).increment()
        }
    }

    private func refusals(reason: String) -> Counter {
        refused.withLock { counters in
            if let counter = counters[reason] { return counter }
            let counter = Counter(label: MetricNames.heartbeatsRefused, dimensions: [("reason", reason)])
            counters[reason] = counter
            return counter
        }
    }

    /// The stable reason of an error as the caller sees it; unrecognised errors are internal ones.
    static func reason(of error: any Error) -> String {
        (error as? any RPCErrorConvertible)?.rpcError.reason ?? "server.internal"
    }
}
