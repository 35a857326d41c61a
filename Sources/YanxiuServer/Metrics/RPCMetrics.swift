import CoreMetrics
import Dispatch
import JSONRPC
import Locking

/// Times every method and counts error replies, by wrapping the handlers of the method table.
///
/// A method's timer is made on its first call, so the exposition lists only methods that were
/// called (not sixty empty histograms); a call pays for two clock reads, one uncontended lock
/// and one histogram observation. Error counters are made on first use too.
final class RPCMetrics: Sendable {
    private let errors = Locked<[String: Counter]>([:])

    /// The table with every handler timed.
    func instrument(_ table: MethodTable) -> MethodTable {
        MethodTable(table.methods.values.map(instrument))
    }

    func instrument(_ method: MethodDescriptor) -> MethodDescriptor {
        let timer = LazyTimer(label: MetricNames.rpcDuration, dimensions: [("method", method.name)])
        let name = method.name
        if let callback = method.callbackHandler {
            return MethodDescriptor(
                method.name, method.summary, access: method.access, params: method.params, result: method.result, errors: method.errors
            ) { call, done in
                let start = DispatchTime.now().uptimeNanoseconds
                callback(call) { result in
                    timer.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
                    if case .failure(let error) = result { self.countError(name, error) }
                    done(result)
                }
            }
        }
        let handler = method.handler
        return MethodDescriptor(
            method.name, method.summary, access: method.access, params: method.params, result: method.result, errors: method.errors
        ) { call in
            let start = DispatchTime.now().uptimeNanoseconds
            defer { timer.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start)) }
            do {
                return try await handler(call)
            } catch {
                self.countError(name, error)
                throw error
            }
        }
    }

    private func countError(_ method: String, _ error: any Error) {
        let reason = HeartbeatMetrics.reason(of: error)
        let key = method + "\u{0}" + reason
        let counter = errors.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = Counter(label: MetricNames.rpcErrors, dimensions: [("method", method), ("reason", reason)])
            counters[key] = counter
            return counter
        }
        counter.increment()
    }
}
