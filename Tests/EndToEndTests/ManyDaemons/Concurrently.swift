import Dispatch
import JSONRPC
import Locking

/// Runs `count` calls at once, each on its own thread and connection, and returns how each one
/// ended: "ok", or the `data.reason` of its error (with the cause of an SMS code refusal, as
/// `sms.code_invalid/wrong`).
func concurrently(_ count: Int, _ call: @escaping @Sendable (Int) throws -> JSONValue) -> [String] {
    let outcomes = Locked([String](repeating: "", count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let outcome: String
        do {
            _ = try call(index)
            outcome = "ok"
        } catch let error as RPCError {
            outcome = error.data["cause"]?.stringValue.map { "\(error.reason)/\($0)" } ?? error.reason
        } catch {
            outcome = "\(error)"
        }
        outcomes.withLock { $0[index] = outcome }
    }
    return outcomes.withLock { $0 }
}

/// How many times each outcome came.
func tally(_ outcomes: [String]) -> [String: Int] {
    outcomes.reduce(into: [:]) { $0[$1, default: 0] += 1 }
}
