import Foundation
import JSONRPC
import YanxiuClient

/// One round of load: every teacher sends one heartbeat, spread over the connections.
struct LoadRound {
    let socketPath: String
    let teachers: Int
    let connections: Int
    let inFlight: Int
    let rate: Int
    let round: Int
    /// This round's share of the teachers when several daemons split them: teacher `t` plays on
    /// daemon `(t - 1) % count`, so each teacher stays on one daemon.
    var share: (index: Int, count: Int) = (0, 1)

    struct Result {
        var latenciesMs: [Double] = []
        var accepted = 0
        var failed = 0
        var reasons: [String: Int] = [:]
    }

    /// Results gathered from the connection threads.
    final class Collector: @unchecked Sendable {
        // Guarded by `lock`; written by connection threads, read after they finished.
        let lock = NSLock()
        var total = Result()
        var error: (any Error)?

        func add(_ result: Result) {
            lock.lock()
            defer { lock.unlock() }
            total.latenciesMs += result.latenciesMs
            total.accepted += result.accepted
            total.failed += result.failed
            for (k, v) in result.reasons { total.reasons[k, default: 0] += v }
        }

        func fail(_ error: any Error) {
            lock.lock()
            defer { lock.unlock() }
            self.error = error
        }
    }

    func run() throws -> Result {
        let collector = Collector()
        let group = DispatchGroup()
        for connection in 0..<connections {
            let mine = Array(stride(from: connection + 1, through: teachers, by: connections)).filter { ($0 - 1) % share.count == share.index }
            group.enter()
            let round = self
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    collector.add(try round.drive(teachers: mine))
                } catch {
                    collector.fail(error)
                }
            }
        }
        group.wait()
        if let error = collector.error { throw error }
        return collector.total
    }

    /// Sends this connection's heartbeats: at most `inFlight` outstanding, or paced at its share of `rate`.
    private func drive(teachers mine: [Int]) throws -> Result {
        let client = try RPCClient(socketPath: socketPath)
        var result = Result()
        var sentAt: [Int: UInt64] = [:]
        var next = 0
        let interval = rate > 0 ? UInt64(1e9 / (Double(rate) / Double(connections))) : 0
        let start = DispatchTime.now().uptimeNanoseconds
        func send() throws {
            let teacher = mine[next]
            let scheduled = rate > 0 ? start + UInt64(next) * interval : DispatchTime.now().uptimeNanoseconds
            if rate > 0 {
                let now = DispatchTime.now().uptimeNanoseconds
                if scheduled > now { usleep(UInt32((scheduled - now) / 1000)) }
            }
            // Latency counts from the scheduled time in open loop, so a late sender cannot hide a slow daemon.
            sentAt[teacher] = scheduled
            // Built as text: the benchmark must not spend more CPU per request than the daemon does.
            let line = #"{"jsonrpc":"2.0","id":\#(teacher),"method":"progress.heartbeat","params":{"session":"\#(BenchDataSet.token(teacher))","lessonId":"\#(BenchDataSet.lessonId)","playbackId":"bench","seq":\#(round + 1),"positionMs":\#(round * 10_000),"state":"playing","rate":1}}"#
            try client.sendLine(Array(line.utf8))
            next += 1
        }
        let window = rate > 0 ? Int.max : inFlight
        var outstanding = 0
        while outstanding < window, next < mine.count {
            // In open loop, reading happens only between sends; the socket buffers replies meanwhile.
            try send()
            outstanding += 1
            if rate > 0 { break }
        }
        var received = 0
        while received < mine.count {
            if rate > 0, next < mine.count {
                try send()
                while let line = try? client.readLine(timeoutMs: 0) { try record(line, &result, &sentAt); received += 1 }
                continue
            }
            guard let line = try client.readLine() else { throw BenchError("daemon closed the connection") }
            try record(line, &result, &sentAt)
            received += 1
            if next < mine.count { try send() }
        }
        return result
    }

    private func record(_ line: [UInt8], _ result: inout Result, _ sentAt: inout [Int: UInt64]) throws {
        // Accepted replies are recognised by their text; anything else is parsed for its reason.
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix(#"{"jsonrpc":"2.0","result":{"accepted":true"#), let idRange = text.range(of: #","id":"#, options: .backwards),
           let id = Int(text[idRange.upperBound...].dropLast()) {
            if let sent = sentAt.removeValue(forKey: id) {
                let now = DispatchTime.now().uptimeNanoseconds
                result.latenciesMs.append(Double(now > sent ? now - sent : 0) / 1e6)
            }
            result.accepted += 1
            return
        }
        let reply = try JSONParser.parse(line)
        let id = Int(reply["id"]?.int64Value ?? 0)
        if let sent = sentAt.removeValue(forKey: id) {
            let now = DispatchTime.now().uptimeNanoseconds
            result.latenciesMs.append(Double(now > sent ? now - sent : 0) / 1e6)
        }
        if reply["result"]?["accepted"] == true {
            result.accepted += 1
        } else {
            result.failed += 1
            result.reasons[reply["error"]?["data"]?["reason"]?.stringValue ?? "unknown", default: 0] += 1
        }
    }
}
