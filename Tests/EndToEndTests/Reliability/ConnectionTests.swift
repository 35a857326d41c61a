import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// Many idle connections, slow clients and clients that never read.
@Suite("Connections under pressure", .serialized)
struct ConnectionTests {
    @Test("10,000 idle connections are held, the next one is refused cleanly, and all of them still answer")
    func tenThousandIdle() throws {
        let wanted = 10_000
        // The test holds one end of each connection and the daemon (which inherits the limit) the other.
        #expect(raiseDescriptorLimit(to: rlim_t(wanted + 500)) >= rlim_t(wanted + 100), "the hard descriptor limit is too low for this test")
        let daemon = try LiveDaemon(config: ["max-connections": "\(wanted)"])
        let baseline = residentKB(pid: daemon.process.processIdentifier)
        var connections: [RawConnection] = []
        defer { connections.forEach { $0.closeNow() } }
        for _ in 0..<wanted {
            connections.append(try #require(RawConnection(path: daemon.socketPath)))
        }
        // Every held connection is served: a sample across the range, the first and the last
        // (connections are accepted in order, so the last answering means all were accepted).
        for index in stride(from: 0, to: wanted, by: 97) + [wanted - 1] {
            #expect(connections[index].send(HostileInput.ping + [0x0A]))
            let reply = connections[index].readLine().flatMap { try? JSONParser.parse($0) }
            #expect(reply?["result"]?["pong"] == true, "connection \(index)")
        }
        // One more is refused: a line with the reason, then the close; it needs no request.
        let refused = try #require(RawConnection(path: daemon.socketPath))
        let refusal = try JSONParser.parse(try #require(refused.readLine()))
        #expect(refusal["error"]?["code"] == 503)
        #expect(refusal["error"]?["data"]?["reason"] == "server.too_many_connections")
        #expect(refused.closedByPeer(timeoutMs: 5000))
        refused.closeNow()

        let held = residentKB(pid: daemon.process.processIdentifier)
        connections.forEach { $0.closeNow() }
        connections.removeAll()
        // Once they are gone the slots are free again.
        var served = false
        for _ in 0..<100 where !served {
            served = (try? daemon.call("system.ping")["pong"]) == true
            if !served { usleep(50_000) }
        }
        #expect(served)
        print("connections: \(wanted) idle held, the next refused; daemon RSS \(baseline / 1024) MB before, \(held / 1024) MB with them")
    }

    @Test("clients that never finish a line are closed after the idle timeout")
    func slowClients() throws {
        let daemon = try LiveDaemon(config: ["idle-timeout": "1"])
        let silent = try #require(RawConnection(path: daemon.socketPath))
        #expect(silent.send(Array(#"{"jsonrpc":"2.0","#.utf8)))
        let dribbler = try #require(RawConnection(path: daemon.socketPath))
        let start = Date()
        var dribblerClosed = false
        // One byte every 200 ms keeps bytes flowing but never completes a request.
        for byte in Array(#"{"jsonrpc":"2.0","id":1,"method":"system.ping"#.utf8) {
            if !dribbler.send([byte]) || dribbler.closedByPeer(timeoutMs: 200) {
                dribblerClosed = true
                break
            }
        }
        let dribblerSeconds = Date().timeIntervalSince(start)
        #expect(dribblerClosed)
        #expect(dribblerSeconds >= 0.9 && dribblerSeconds < 3, "closed after \(dribblerSeconds) s")
        #expect(silent.closedByPeer(timeoutMs: 3000))
        silent.closeNow()
        dribbler.closeNow()
        // The daemon itself is fine.
        #expect(try daemon.call("system.ping")["pong"] == true)
    }

    @Test("a client that pipelines requests and never reads cannot grow the daemon's memory without bound")
    func neverReads() throws {
        let daemon = try LiveDaemon()
        let pid = daemon.process.processIdentifier
        _ = try daemon.call("rpc.discover")
        let baseline = residentKB(pid: pid)
        let hog = try #require(RawConnection(path: daemon.socketPath))
        var peak = baseline
        let sent = NeverReader.pipeline(on: hog, for: 6) { peak = max(peak, residentKB(pid: pid)) }
        for _ in 0..<20 {
            peak = max(peak, residentKB(pid: pid))
            usleep(50_000)
        }
        // Back-pressure: the daemon stopped reading, so the client's sends stalled.
        #expect(sent.stalled)
        let grownMB = (peak - baseline) / 1024
        // The daemon keeps at most the in-flight replies (64 x 32 kB, or one batch of 3.2 MB) and
        // one high-water mark of written replies for this client, however much it asked for;
        // about 10 MB is seen, the rest of the bound is allocator slack (and, under
        // AddressSanitizer, its quarantine of freed blocks: about 110 MB seen).
        let boundMB = 48 + Sanitizer.addressQuarantineMB
        #expect(grownMB < boundMB, "daemon grew by \(grownMB) MB")
        hog.closeNow()
        #expect(try daemon.call("system.ping")["pong"] == true)
        print("never-reading client: \(sent.requests) requests asking for \(sent.replyBytesAsked >> 20) MB of replies; daemon RSS \(baseline / 1024) MB -> peak \(peak / 1024) MB")
    }

    @Test("a client that stopped reading is closed after the idle timeout, though requests of it wait unread")
    func stoppedReaderClosedWhenIdle() throws {
        let daemon = try LiveDaemon(config: ["idle-timeout": "1"])
        let openConnections = { try daemon.call("system.status")["connections"]?["open"]?.int64Value }
        // Each status call comes on a connection of its own, the only one open without the hog
        // once the connections of the daemon's start have been let go.
        var before = try openConnections()
        for _ in 0..<100 where before != 1 {
            usleep(20_000)
            before = try openConnections()
        }
        try #require(before == 1)
        let hog = try #require(RawConnection(path: daemon.socketPath))
        defer { hog.closeNow() }
        let sent = NeverReader.pipeline(on: hog, for: 6, stopAfterStalledMs: 300)
        #expect(sent.stalled)
        let stalledAt = Date()
        var open = try openConnections()
        while open != 1, Date().timeIntervalSince(stalledAt) < 10 {
            usleep(50_000)
            open = try openConnections()
        }
        #expect(open == 1, "the client that stopped reading is still connected")
        if open == 1 {
            print("stopped reader: closed \(String(format: "%.1f", Date().timeIntervalSince(stalledAt))) s after its sends stalled (idle-timeout 1 s)")
        }
    }

    @Test("a graceful stop does not wait for ever on a client that never reads: it is closed after shutdown-grace and the daemon exits 0")
    func stopWithStoppedReader() throws {
        let daemon = try LiveDaemon(config: ["shutdown-grace": "1"])
        let hog = try #require(RawConnection(path: daemon.socketPath))
        defer { hog.closeNow() }
        #expect(NeverReader.pipeline(on: hog, for: 6, stopAfterStalledMs: 300).stalled)
        let start = Date()
        kill(daemon.process.processIdentifier, SIGTERM)
        while daemon.process.isRunning, Date().timeIntervalSince(start) < 15 { usleep(20_000) }
        let seconds = Date().timeIntervalSince(start)
        #expect(!daemon.process.isRunning, "still running 15 s after SIGTERM")
        #expect(daemon.stop() == 0)
        // It gave the client its grace before closing it.
        #expect(seconds >= 0.9, "stopped after \(seconds) s")
        print("graceful stop with a client that never reads: exit 0 after \(String(format: "%.1f", seconds)) s (shutdown-grace 1 s)")
    }
}

/// A client that pipelines `rpc.discover` calls (one at a time and in batches of 100, which
/// answer ~32 kB and ~3.2 MB to lines of 50 and 5,000 bytes) and never reads a reply.
enum NeverReader {
    static let single = Array(#"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#.utf8) + [0x0A]
    static let batch = Array(("[" + Array(repeating: #"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#, count: 100).joined(separator: ",") + "]\n").utf8)

    /// Sends for `seconds`, or until sends have stalled for `stopAfterStalledMs`; `sample` runs
    /// after every send attempt.
    static func pipeline(on connection: RawConnection, for seconds: Double, stopAfterStalledMs: Int? = nil, sample: () -> Void = {}) -> (requests: Int, replyBytesAsked: Int, stalled: Bool) {
        var requests = 0
        var replyBytesAsked = 0
        var everStalled = false
        var stalledSince: Date?
        let deadline = Date().addingTimeInterval(seconds)
        func done() -> Bool {
            if Date() >= deadline { return true }
            guard let stopAfterStalledMs, let stalledSince else { return false }
            return Date().timeIntervalSince(stalledSince) * 1000 >= Double(stopAfterStalledMs)
        }
        while !done() {
            let (line, replyBytes) = requests % 2 == 1 ? (batch, 100 * 32_000) : (single, 32_000)
            var offset = 0
            while offset < line.count, !done() {
                let sent = connection.sendNow(line[offset...])
                if sent == 0 {
                    stalledSince = stalledSince ?? Date()
                    everStalled = true
                    usleep(10_000)
                } else {
                    stalledSince = nil
                }
                offset += sent
                sample()
            }
            if offset == line.count {
                requests += 1
                replyBytesAsked += replyBytes
            }
        }
        return (requests, replyBytesAsked, everStalled)
    }
}
