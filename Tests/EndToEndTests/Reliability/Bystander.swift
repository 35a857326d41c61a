import Foundation
import JSONRPC
import YanxiuClient

/// A well-behaved client that pings on its own connection while a test attacks the daemon,
/// to show that the daemon keeps serving others throughout.
final class Bystander: @unchecked Sendable {
    // `stop` is set by the test; the counters are read by the test only after `finish`.
    private let lock = NSLock()
    private var stopping = false
    private(set) var answered = 0
    private(set) var failures: [String] = []
    private(set) var slowestMs = 0.0
    private let finished = DispatchSemaphore(value: 0)

    init(socketPath: String) {
        let thread = Thread { [self] in
            defer { finished.signal() }
            do {
                let client = try RPCClient(socketPath: socketPath)
                while !isStopping {
                    let start = Date()
                    let reply = try client.call("system.ping", timeoutMs: 10_000)
                    if reply["pong"] != true { failures.append("ping answered \(JSONWriter.string(reply))") }
                    answered += 1
                    slowestMs = max(slowestMs, Date().timeIntervalSince(start) * 1000)
                    usleep(2_000)
                }
            } catch {
                failures.append("\(error)")
            }
        }
        thread.start()
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    /// Stops pinging and waits for the last reply.
    func finish() {
        lock.withLock { stopping = true }
        finished.wait()
    }
}
