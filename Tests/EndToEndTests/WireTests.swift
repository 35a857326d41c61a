import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("The wire, end to end against the real daemon")
struct WireTests {
    @Test("ping, info and rpc.discover answer")
    func basics() throws {
        let daemon = try LiveDaemon()
        #expect(try daemon.call("system.ping")["pong"] == true)
        let info = try daemon.call("system.info")
        #expect(info["name"] == "yanxiud")
        #expect((info["schemaVersion"]?.int64Value ?? 0) >= 1)
        #expect(info["testClock"] == true)
        let document = try daemon.call("rpc.discover")
        let names = document["methods"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        for name in ["rpc.discover", "system.ping", "system.info", "system.setLogLevel", "testClock.set", "testClock.advance"] {
            #expect(names.contains(name))
        }
    }

    @Test("pipelined requests on one connection are all answered and matched by id")
    func pipelined() throws {
        let daemon = try LiveDaemon()
        let client = try daemon.client()
        var bytes: [UInt8] = []
        for id in 0..<500 {
            bytes += JSONWriter.bytes(["jsonrpc": "2.0", "id": .int(id), "method": "system.ping"]) + [0x0A]
        }
        try client.sendRaw(bytes)
        var seen = Set<Int64>()
        for _ in 0..<500 {
            let reply = try #require(try client.readMessage())
            #expect(reply["result"]?["pong"] == true)
            seen.insert(try #require(reply["id"]?.int64Value))
        }
        #expect(seen == Set(0..<500))
    }

    @Test("a slow request does not hold back a fast one: replies come out of order")
    func outOfOrder() throws {
        let daemon = try LiveDaemon()
        let client = try daemon.client()
        try client.send(["jsonrpc": "2.0", "id": "slow", "method": "system.ping", "params": ["delayMs": 700]])
        try client.send(["jsonrpc": "2.0", "id": "fast", "method": "system.ping"])
        #expect(try client.readMessage()?["id"] == "fast")
        #expect(try client.readMessage()?["id"] == "slow")
    }

    @Test("batches and notifications over the socket")
    func batches() throws {
        let daemon = try LiveDaemon()
        let client = try daemon.client()
        try client.sendLine(Array(#"[{"jsonrpc":"2.0","id":1,"method":"system.ping"},{"jsonrpc":"2.0","method":"system.ping"},{"jsonrpc":"2.0","id":2,"method":"nope"}]"#.utf8))
        let replies = try #require(try client.readMessage()?.arrayValue)
        #expect(replies.count == 2)
        #expect(replies.contains { $0["id"] == 1 && $0["result"]?["pong"] == true })
        #expect(replies.contains { $0["id"] == 2 && $0["error"]?["code"] == -32601 })
        // A batch of notifications produces no line: the next line is the ping's reply.
        try client.sendLine(Array(#"[{"jsonrpc":"2.0","method":"system.ping"},{"jsonrpc":"2.0","method":"system.ping"}]"#.utf8))
        try client.send(["jsonrpc": "2.0", "id": 3, "method": "system.ping"])
        #expect(try client.readMessage()?["id"] == 3)
        try client.sendLine(Array("{not json".utf8))
        let parseError = try client.readMessage()
        #expect(parseError?["error"]?["code"] == -32700)
        #expect(parseError?["id"] == .null)
    }

    @Test("an oversized line is refused with request.too_large and the connection lives on")
    func oversized() throws {
        let daemon = try LiveDaemon(config: ["max-line-bytes": "65536"])
        let client = try daemon.client()
        let huge = #"{"jsonrpc":"2.0","id":1,"method":"system.ping","params":{"x":""# + String(repeating: "a", count: 300_000) + #""}}"#
        try client.sendLine(Array(huge.utf8))
        try client.send(["jsonrpc": "2.0", "id": 2, "method": "system.ping"])
        let first = try client.readMessage()
        #expect(first?["error"]?["code"] == -32600)
        #expect(first?["error"]?["data"]?["reason"] == "request.too_large")
        #expect(first?["id"] == .null)
        let second = try client.readMessage()
        #expect(second?["id"] == 2)
        #expect(second?["result"]?["pong"] == true)
    }

    @Test("connections beyond the limit get one error line and are closed")
    func connectionLimit() throws {
        let daemon = try LiveDaemon(config: ["max-connections": "4"])
        var held: [RPCClient] = []
        for _ in 0..<4 {
            let client = try daemon.client()
            #expect(try client.call("system.ping")["pong"] == true)
            held.append(client)
        }
        for _ in 0..<5 {
            let extra = try daemon.client()
            let line = try #require(try extra.readMessage())
            #expect(line["error"]?["data"]?["reason"] == "server.too_many_connections")
            #expect(try extra.readLine() == nil)
        }
        // A closed connection frees its place as soon as the daemon has seen the close: a new
        // one is served then (asked again while the daemon, on a busy machine, has not yet).
        held.removeLast()
        var pong: JSONValue?
        for _ in 0..<100 where pong == nil {
            do {
                pong = try daemon.call("system.ping")["pong"]
            } catch let error as RPCError where error.reason == "server.too_many_connections" {
                usleep(50_000)
            }
        }
        #expect(pong == true)
        #expect(held.count == 3)
    }

    @Test("idle connections and clients that never finish a line are closed after the idle timeout")
    func idleTimeout() throws {
        let daemon = try LiveDaemon(config: ["idle-timeout": "0.5"])
        let idle = try daemon.client()
        let slow = try daemon.client()
        try slow.sendRaw(Array(#"{"jsonrpc":"2.0","#.utf8))
        let start = Date()
        #expect(try idle.readLine(timeoutMs: 5000) == nil)
        #expect(try slow.readLine(timeoutMs: 5000) == nil)
        #expect(Date().timeIntervalSince(start) < 4)
    }

    @Test("operator-only methods refuse non-operator peers")
    func operatorRequired() throws {
        let daemon = try LiveDaemon()
        let output = try runAsNobody([LiveDaemon.ctlPath, "--socket", daemon.socketPath, "--json", "call", "system.setLogLevel", #"{"level":"debug"}"#])
        #expect(output.status == 1)
        #expect(output.stdout.contains("auth.operator_required"))
        // Root is an operator.
        #expect(try daemon.call("system.setLogLevel", ["level": "debug"])["level"] == "debug")
    }

    @Test("SIGTERM while requests are in flight: every one is answered, then exit 0")
    func gracefulStop() throws {
        let daemon = try LiveDaemon()
        let clients = try (0..<4).map { _ in try daemon.client() }
        for (index, client) in clients.enumerated() {
            for n in 0..<5 {
                try client.send(["jsonrpc": "2.0", "id": .int(index * 10 + n), "method": "system.ping", "params": ["delayMs": 400]])
            }
        }
        usleep(150_000)
        kill(daemon.process.processIdentifier, SIGTERM)
        for client in clients {
            var answered = 0
            while let reply = try client.readMessage(timeoutMs: 10_000) {
                #expect(reply["result"]?["pong"] == true)
                answered += 1
            }
            #expect(answered == 5)
        }
        daemon.process.waitUntilExit()
        #expect(daemon.process.terminationStatus == 0)
        // The WAL was checkpointed into the main file on the way out.
        let wal = (try? FileManager.default.attributesOfItem(atPath: daemon.directory + "/yanxiu.sqlite-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
    }

    @Test("a stale socket file is replaced, a live daemon's socket is not")
    func staleSocket() throws {
        let daemon = try LiveDaemon()
        let second = Process()
        second.executableURL = URL(fileURLWithPath: LiveDaemon.daemonPath)
        second.arguments = ["--socket", daemon.socketPath, "--state-dir", daemon.directory + "/other"]
        second.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        second.standardError = errors
        try ProcessLaunch.run(second)
        // Read before waiting: a daemon blocked on a full stderr pipe would never exit.
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        #expect(second.terminationStatus != 0)
        #expect(message.contains("another daemon is answering"))
        #expect(try daemon.call("system.ping")["pong"] == true)

        // Kill without cleanup: the socket file stays behind, and a new daemon takes over.
        #expect(daemon.stop(signal: SIGKILL) != 0)
        #expect(FileManager.default.fileExists(atPath: daemon.socketPath))
        try withExtendedLifetime(daemon) {
            let successor = try LiveDaemon(directory: daemon.directory)
            #expect(try successor.call("system.ping")["pong"] == true)
            #expect(successor.stop() == 0)
        }
    }
}

/// Runs a command as the unprivileged user `nobody` and captures its output.
func runAsNobody(_ command: [String]) throws -> (status: Int32, stdout: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--"] + command
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try ProcessLaunch.run(process)
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
