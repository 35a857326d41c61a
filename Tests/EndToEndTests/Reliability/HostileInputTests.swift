import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// Broken and hostile lines through the socket: each gets the right error on the same
/// connection, and another client is served throughout.
@Suite("Hostile input through the socket")
struct HostileInputTests {
    @Test("random bytes, truncations, invalid UTF-8, overflowing numbers, deep nesting and huge strings")
    func hostileLines() throws {
        let daemon = try LiveDaemon()
        let bystander = Bystander(socketPath: daemon.socketPath)
        var random = SystemRandomNumberGenerator()
        let cases = HostileInput.randomLines(500, using: &random) + HostileInput.truncations() + HostileInput.invalidUTF8()
            + HostileInput.overflowingNumbers() + HostileInput.deepNesting() + HostileInput.hugeStrings() + HostileInput.oversizedBatch()
        let attacker = try daemon.client()
        for hostile in cases {
            try attacker.sendLine(hostile.bytes)
            let reply = try #require(try attacker.readMessage(), "\(hostile.name): connection closed")
            Self.expect(reply, matches: hostile)
        }
        // The same connection still serves a good request after all that.
        #expect(try attacker.call("system.ping")["pong"] == true)
        bystander.finish()
        #expect(bystander.failures.isEmpty)
        #expect(bystander.answered > 0)
        print("hostile input: \(cases.count) bad lines answered; bystander answered \(bystander.answered) pings, slowest \(Int(bystander.slowestMs)) ms")
    }

    @Test("a wrong JSON type for every param of every method (from rpc.discover) is -32602 naming the field")
    func wrongTypes() throws {
        let daemon = try LiveDaemon()
        let bystander = Bystander(socketPath: daemon.socketPath)
        let cases = WrongTypes.cases(discover: try daemon.call("rpc.discover"))
        #expect(cases.count > 100)
        let client = try daemon.client()
        for hostile in cases {
            try client.sendLine(hostile.bytes)
            let reply = try #require(try client.readMessage(), "\(hostile.name): connection closed")
            Self.expect(reply, matches: hostile)
        }
        bystander.finish()
        #expect(bystander.failures.isEmpty)
        print("wrong types: \(cases.count) calls answered -32602")
    }

    static func expect(_ reply: JSONValue, matches hostile: HostileCase, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let code = hostile.code else {
            #expect(reply["result"] != nil, "\(hostile.name): \(JSONWriter.string(reply).prefix(300))", sourceLocation: sourceLocation)
            return
        }
        let error = reply["error"]
        #expect(error?["code"]?.int64Value == code, "\(hostile.name): \(JSONWriter.string(reply).prefix(300))", sourceLocation: sourceLocation)
        if let reason = hostile.reason {
            #expect(error?["data"]?["reason"]?.stringValue == reason, "\(hostile.name): \(JSONWriter.string(reply).prefix(300))", sourceLocation: sourceLocation)
        }
        if let field = hostile.field {
            let fields = error?["data"]?["fields"]?.arrayValue ?? []
            #expect(fields.contains { $0["field"]?.stringValue == field.name && $0["reason"]?.stringValue == field.reason },
                    "\(hostile.name): \(JSONWriter.string(reply).prefix(300))", sourceLocation: sourceLocation)
        }
        if code == -32700 || code == -32600 { #expect(reply["id"] == .null, "\(hostile.name)", sourceLocation: sourceLocation) }
    }
}

/// A call per method, param and wrong JSON type, built from the OpenRPC document.
enum WrongTypes {
    static let samples: [(type: String, literal: String)] = [("string", #""x""#), ("number", "7"), ("boolean", "true"), ("object", "{}"), ("array", "[]")]

    static func cases(discover: JSONValue) -> [HostileCase] {
        var cases: [HostileCase] = []
        for method in discover["methods"]?.arrayValue ?? [] {
            guard let name = method["name"]?.stringValue else { continue }
            for param in method["params"]?.arrayValue ?? [] {
                guard let field = param["name"]?.stringValue, let type = param["schema"]?["type"]?.stringValue else { continue }
                let accepted = type == "integer" ? "number" : type
                for sample in samples where sample.type != accepted {
                    let line = #"{"jsonrpc":"2.0","id":1,"method":"\#(name)","params":{"\#(field)":\#(sample.literal)}}"#
                    cases.append(HostileCase(name: "\(name).\(field) as \(sample.type)", bytes: Array(line.utf8), code: -32602, reason: "params.invalid",
                                             field: (field, "type")))
                }
            }
        }
        return cases
    }
}
