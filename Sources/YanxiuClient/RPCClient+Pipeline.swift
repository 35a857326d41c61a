import JSONRPC

extension RPCClient {
    /// One call of a pipelined batch.
    public struct PlannedCall: Sendable {
        public var method: String
        public var params: JSONObject
        public init(_ method: String, _ params: JSONObject) {
            self.method = method
            self.params = params
        }
    }

    /// Sends every call before reading any reply, so the daemon can commit them together, and
    /// returns the outcomes in the order of `calls`. Sends at most `window` at a time, below the
    /// daemon's per-connection limit on requests in flight.
    public func callAll(_ calls: [PlannedCall], window: Int = 48, timeoutMs: Int32 = 120_000) throws -> [Result<JSONValue, RPCError>] {
        var outcomes: [Result<JSONValue, RPCError>?] = Array(repeating: nil, count: calls.count)
        var start = 0
        while start < calls.count {
            let end = min(start + window, calls.count)
            var slots: [Int64: Int] = [:]
            for index in start..<end {
                let id = nextID
                nextID += 1
                slots[Int64(id)] = index
                try send(["jsonrpc": "2.0", "id": .int(id), "method": .string(calls[index].method), "params": .object(calls[index].params)])
            }
            while !slots.isEmpty {
                guard let message = try readMessage(timeoutMs: timeoutMs) else { throw ClientError.closed }
                guard let id = message["id"]?.int64Value, let index = slots.removeValue(forKey: id) else { continue }
                if let error = message["error"] {
                    outcomes[index] = .failure(RPCError(json: error))
                } else {
                    outcomes[index] = .success(message["result"] ?? .null)
                }
            }
            start = end
        }
        return outcomes.map { $0! }
    }
}
