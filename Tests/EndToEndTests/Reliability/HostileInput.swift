import Foundation
import JSONRPC

/// Lines a hostile or broken client might send, each with the error it must get back.
struct HostileCase {
    let name: String
    let bytes: [UInt8]
    /// The error code of the reply; nil when the call is valid and must succeed.
    let code: Int64?
    /// The `data.reason` expected, when it is fixed.
    let reason: String?
    /// A field of `data.fields` with its reason, for invalid params.
    var field: (name: String, reason: String)? = nil
}

enum HostileInput {
    static let ping = Array(#"{"jsonrpc":"2.0","id":7,"method":"system.ping","params":{}}"#.utf8)

    /// Random byte lines (no newline inside; never all whitespace, which the wire skips).
    static func randomLines(_ count: Int, using random: inout some RandomNumberGenerator) -> [HostileCase] {
        (0..<count).map { index in
            var bytes = (0..<Int.random(in: 1...400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }.filter { $0 != 0x0A }
            if bytes.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) { bytes.append(0x7E) }
            // A random line can happen to be JSON (a lone digit); then it is not a request.
            let isJSON = (try? JSONParser.parse(bytes)) != nil
            return HostileCase(name: "random \(index)", bytes: bytes, code: isJSON ? -32600 : -32700, reason: nil)
        }
    }

    /// Every proper prefix of a valid request, which is never itself a JSON text.
    static func truncations() -> [HostileCase] {
        (1..<ping.count).compactMap { length in
            let prefix = Array(ping.prefix(length))
            return HostileCase(name: "truncated at \(length)", bytes: prefix, code: -32700, reason: "request.parse")
        }
    }

    static func invalidUTF8() -> [HostileCase] {
        let sequences: [(String, [UInt8])] = [
            ("lone continuation", [0x80]), ("overlong slash", [0xC0, 0xAF]), ("overlong NUL", [0xC0, 0x80]),
            ("encoded surrogate", [0xED, 0xA0, 0x80]), ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("F5 lead", [0xF5, 0x80, 0x80, 0x80]),
            ("truncated 3-byte", [0xE4, 0xB8]), ("truncated 4-byte", [0xF0, 0x9F, 0x98]), ("FF", [0xFF]), ("FE FF BOM", [0xFE, 0xFF]),
        ]
        var cases: [HostileCase] = []
        for (label, bad) in sequences {
            cases.append(HostileCase(name: "\(label) in a param", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"school.search","params":{"query":"学"#.utf8) + bad + Array(#""}}"#.utf8),
                                     code: -32700, reason: "request.parse"))
            cases.append(HostileCase(name: "\(label) in the method", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"system."#.utf8) + bad + Array(#""}"#.utf8),
                                     code: -32700, reason: "request.parse"))
            cases.append(HostileCase(name: "\(label) as a key", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"system.ping","params":{""#.utf8) + bad + Array(#"":1}}"#.utf8),
                                     code: -32700, reason: "request.parse"))
        }
        cases.append(HostileCase(name: "lone high surrogate escape", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"school.search","params":{"query":"\ud800"}}"#.utf8),
                                 code: -32700, reason: "request.parse"))
        cases.append(HostileCase(name: "lone low surrogate escape", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"school.search","params":{"query":"\udc00x"}}"#.utf8),
                                 code: -32700, reason: "request.parse"))
        return cases
    }

    /// Numbers no field can hold.
    static func overflowingNumbers() -> [HostileCase] {
        let session = String(repeating: "0", count: 43)
        func heartbeat(_ field: String, _ literal: String) -> [UInt8] {
            var params = [#""session":"\#(session)""#, #""lessonId":"l1""#, #""playbackId":"p""#, #""seq":1"#, #""positionMs":0"#, #""state":"playing""#, #""rate":1"#]
            params.removeAll { $0.hasPrefix("\"\(field)\"") }
            params.append("\"\(field)\":\(literal)")
            return Array(#"{"jsonrpc":"2.0","id":1,"method":"progress.heartbeat","params":{\#(params.joined(separator: ","))}}"#.utf8)
        }
        var cases: [HostileCase] = []
        for literal in ["9223372036854775808", "-9223372036854775809", "1e400", "123456789012345678901234567890", "1.5", "1e2"] where literal != "1e2" {
            cases.append(HostileCase(name: "seq \(literal)", bytes: heartbeat("seq", literal), code: -32602, reason: "params.invalid", field: ("seq", "not_integer")))
            cases.append(HostileCase(name: "positionMs \(literal)", bytes: heartbeat("positionMs", literal), code: -32602, reason: "params.invalid", field: ("positionMs", "not_integer")))
        }
        for literal in ["1e400", "-1e400", "1" + String(repeating: "0", count: 400)] {
            cases.append(HostileCase(name: "rate \(literal.prefix(20))", bytes: heartbeat("rate", literal), code: -32602, reason: "params.invalid", field: ("rate", "out_of_range")))
            cases.append(HostileCase(name: "clock advance \(literal.prefix(20))", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"testClock.advance","params":{"seconds":\#(literal)}}"#.utf8),
                                     code: -32602, reason: "params.invalid"))
        }
        cases.append(HostileCase(name: "delayMs Int64.max", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"system.ping","params":{"delayMs":9223372036854775807}}"#.utf8),
                                 code: -32602, reason: "params.invalid", field: ("delayMs", "too_large")))
        cases.append(HostileCase(name: "userId beyond Int64", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"account.get","params":{"userId":18446744073709551616}}"#.utf8),
                                 code: -32602, reason: "params.invalid", field: ("userId", "not_integer")))
        cases.append(HostileCase(name: "limit -1e400", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"audit.list","params":{"limit":-1e400}}"#.utf8),
                                 code: -32602, reason: "params.invalid"))
        return cases
    }

    /// Nesting far past the parser's limit, closed and unclosed, in arrays, objects and params.
    static func deepNesting(depth: Int = 10_000) -> [HostileCase] {
        let open = String(repeating: "[", count: depth)
        let close = String(repeating: "]", count: depth)
        let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        return [
            HostileCase(name: "\(depth) arrays", bytes: Array((open + close).utf8), code: -32600, reason: "request.too_deep"),
            HostileCase(name: "\(depth) arrays unclosed", bytes: Array(open.utf8), code: -32600, reason: "request.too_deep"),
            HostileCase(name: "\(depth) objects", bytes: Array(objects.utf8), code: -32600, reason: "request.too_deep"),
            HostileCase(name: "\(depth) deep in params", bytes: Array((#"{"jsonrpc":"2.0","id":1,"method":"system.ping","params":{"x":"# + open + close + "}}").utf8),
                        code: -32600, reason: "request.too_deep"),
            HostileCase(name: "\(depth) deep batch", bytes: Array(("[" + open + close + "]").utf8), code: -32600, reason: "request.too_deep"),
        ]
    }

    /// A batch longer than the dispatcher takes; its replies would all travel in one line.
    static func oversizedBatch() -> [HostileCase] {
        let members = Array(repeating: #"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#, count: 101).joined(separator: ",")
        return [HostileCase(name: "batch of 101", bytes: Array("[\(members)]".utf8), code: -32600, reason: "request.batch_too_large")]
    }

    /// Strings just under and far over the line limit (1 MiB by default).
    static func hugeStrings() -> [HostileCase] {
        let big = String(repeating: "学", count: 300_000)  // 900 kB of UTF-8
        return [
            HostileCase(name: "900 kB method name", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"\#(big)"}"#.utf8), code: -32601, reason: "method.unknown"),
            HostileCase(name: "900 kB session", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"account.me","params":{"session":"\#(big)"}}"#.utf8), code: 401, reason: "session.unknown"),
            HostileCase(name: "900 kB lessonId", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"progress.summary","params":{"session":"s","topicId":"\#(big)"}}"#.utf8),
                        code: -32602, reason: "params.invalid", field: ("topicId", "too_long")),
            HostileCase(name: "900 kB id", bytes: Array(#"{"jsonrpc":"2.0","id":"\#(big)","method":"nope"}"#.utf8), code: -32601, reason: "method.unknown"),
            HostileCase(name: "4 MB string", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"system.ping","params":{"x":"\#(String(repeating: "a", count: 4 << 20))"}}"#.utf8),
                        code: -32600, reason: "request.too_large"),
        ]
    }
}
