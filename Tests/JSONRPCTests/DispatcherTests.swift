import Testing
@testable import JSONRPC

/// The examples of the JSON-RPC 2.0 specification (section 7), with params by name as this wire requires.
@Suite("Dispatcher: JSON-RPC 2.0 specification examples")
struct DispatcherTests {
    static let peer = RPCPeer(pid: 1, uid: 1000, gid: 1000, isOperator: false)
    static let operatorPeer = RPCPeer(pid: 1, uid: 0, gid: 0, isOperator: true)

    let dispatcher: Dispatcher = {
        let table = MethodTable([
            MethodDescriptor("subtract", "", access: .anyone, params: [.integer("minuend"), .integer("subtrahend")]) { call in
                .int64(call.params.int64("minuend")! - call.params.int64("subtrahend")!)
            },
            MethodDescriptor("sum", "", access: .anyone, params: [.array("values")]) { call in
                .int64(call.params.array("values")!.compactMap(\.int64Value).reduce(0, +))
            },
            MethodDescriptor("update", "", access: .anyone, params: [.array("values", required: false)]) { _ in .null },
            MethodDescriptor("notify_hello", "", access: .anyone, params: [.array("values", required: false)]) { _ in .null },
            MethodDescriptor("get_data", "", access: .anyone) { _ in ["hello", 5] },
            MethodDescriptor("admin.only", "", access: .operator) { _ in "ok" },
            MethodDescriptor("boom", "", access: .anyone) { _ in throw CancellationError() },
        ])
        return Dispatcher(table: table)
    }()

    func reply(_ line: String, peer: RPCPeer = peer) async throws -> JSONValue? {
        guard let bytes = await dispatcher.handle(line: Array(line.utf8), peer: peer) else { return nil }
        #expect(bytes.last == 0x0A)
        #expect(!bytes.dropLast().contains(0x0A))
        return try JSONParser.parse(bytes.dropLast())
    }

    func errorCode(_ value: JSONValue?) -> Int64? { value?["error"]?["code"]?.int64Value }

    @Test("call with named params")
    func namedParams() async throws {
        let a = try await reply(#"{"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": 3}"#)
        #expect(a == ["jsonrpc": "2.0", "result": 19, "id": 3])
        let b = try await reply(#"{"jsonrpc": "2.0", "method": "subtract", "params": {"minuend": 42, "subtrahend": 23}, "id": 4}"#)
        #expect(b?["result"] == 19)
    }

    @Test("notifications get no reply, even when they fail")
    func notifications() async throws {
        #expect(try await reply(#"{"jsonrpc": "2.0", "method": "update", "params": {"values": [1,2,3,4,5]}}"#) == nil)
        #expect(try await reply(#"{"jsonrpc": "2.0", "method": "foobar"}"#) == nil)
        #expect(try await reply(#"{"jsonrpc": "2.0", "method": "subtract", "params": {}}"#) == nil)
    }

    @Test("non-existent method")
    func unknownMethod() async throws {
        let r = try await reply(#"{"jsonrpc": "2.0", "method": "foobar", "id": "1"}"#)
        #expect(errorCode(r) == -32601)
        #expect(r?["id"] == "1")
    }

    @Test("invalid JSON is a parse error with id null")
    func parseError() async throws {
        let r = try await reply(#"{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]"#)
        #expect(errorCode(r) == -32700)
        #expect(r?["id"] == .null)
    }

    @Test("invalid request object")
    func invalidRequest() async throws {
        let r = try await reply(#"{"jsonrpc": "2.0", "method": 1, "params": "bar"}"#)
        #expect(errorCode(r) == -32600)
        #expect(r?["id"] == .null)
    }

    @Test("batch with invalid JSON is one parse error")
    func batchParseError() async throws {
        let r = try await reply(#"[{"jsonrpc": "2.0", "method": "sum", "params": {"values": [1,2,4]}, "id": "1"},{"jsonrpc": "2.0", "method"]"#)
        #expect(errorCode(r) == -32700)
        #expect(r?.arrayValue == nil)
    }

    @Test("empty array is one Invalid Request")
    func emptyBatch() async throws {
        let r = try await reply("[]")
        #expect(errorCode(r) == -32600)
        #expect(r?["id"] == .null)
    }

    @Test("invalid batch members are answered one by one", arguments: [("[1]", 1), ("[1,2,3]", 3)])
    func invalidBatch(line: String, count: Int) async throws {
        let replies = try #require(try await reply(line)?.arrayValue)
        #expect(replies.count == count)
        for r in replies {
            #expect(errorCode(r) == -32600)
            #expect(r["id"] == .null)
        }
    }

    @Test("mixed batch")
    func mixedBatch() async throws {
        let line = """
            [{"jsonrpc": "2.0", "method": "sum", "params": {"values": [1,2,4]}, "id": "1"},\
            {"jsonrpc": "2.0", "method": "notify_hello", "params": {"values": [7]}},\
            {"jsonrpc": "2.0", "method": "subtract", "params": {"minuend": 42, "subtrahend": 23}, "id": "2"},\
            {"foo": "boo"},\
            {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},\
            {"jsonrpc": "2.0", "method": "get_data", "id": "9"}]
            """
        let replies = try #require(try await reply(line)?.arrayValue)
        #expect(replies.count == 5)
        #expect(replies[0] == ["jsonrpc": "2.0", "result": 7, "id": "1"])
        #expect(replies[1] == ["jsonrpc": "2.0", "result": 19, "id": "2"])
        #expect(errorCode(replies[2]) == -32600 && replies[2]["id"] == .null)
        #expect(errorCode(replies[3]) == -32601 && replies[3]["id"] == "5")
        #expect(replies[4] == ["jsonrpc": "2.0", "result": ["hello", 5], "id": "9"])
    }

    @Test("a batch of notifications gets no line at all")
    func batchOfNotifications() async throws {
        let line = #"[{"jsonrpc": "2.0", "method": "notify_sum", "params": {"values": [1,2,4]}},{"jsonrpc": "2.0", "method": "notify_hello", "params": {"values": [7]}}]"#
        #expect(try await reply(line) == nil)
    }

    @Test("ids of every allowed type are echoed exactly", arguments: [#""abc""#, "7", "-1", "1.50", "1e2", "null", #""""#, "12345678901234567890123"])
    func idsEchoed(id: String) async throws {
        let line = #"{"jsonrpc":"2.0","method":"get_data","id":\#(id)}"#
        let bytes = try #require(await dispatcher.handle(line: Array(line.utf8), peer: Self.peer))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix(#","id":\#(id)}"# + "\n"))
    }

    @Test("object and array ids are refused", arguments: [#"{"a":1}"#, "[1]", "true"])
    func badIDs(id: String) async throws {
        let r = try await reply(#"{"jsonrpc":"2.0","method":"get_data","id":\#(id)}"#)
        #expect(errorCode(r) == -32600)
        #expect(r?["id"] == .null)
    }

    @Test("wrong jsonrpc version is an Invalid Request that keeps the id")
    func wrongVersion() async throws {
        let r = try await reply(#"{"jsonrpc":"1.0","method":"get_data","id":4}"#)
        #expect(errorCode(r) == -32600)
        #expect(r?["id"] == 4)
    }

    @Test("params are validated by name with every problem listed")
    func paramValidation() async throws {
        let r = try await reply(#"{"jsonrpc":"2.0","method":"subtract","params":{"minuend":"x","extra":1},"id":1}"#)
        #expect(errorCode(r) == -32602)
        let fields = r?["error"]?["data"]?["fields"]?.arrayValue ?? []
        #expect(fields.contains(["field": "minuend", "reason": "type"]))
        #expect(fields.contains(["field": "subtrahend", "reason": "required"]))
        #expect(fields.contains(["field": "extra", "reason": "unknown"]))
        #expect(r?["error"]?["data"]?["reason"] == "params.invalid")
    }

    @Test("positional params are refused as invalid params")
    func positional() async throws {
        let r = try await reply(#"{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}"#)
        #expect(errorCode(r) == -32602)
        #expect(r?["id"] == 1)
    }

    @Test("operator methods refuse other peers with auth.operator_required")
    func operatorOnly() async throws {
        let refused = try await reply(#"{"jsonrpc":"2.0","method":"admin.only","id":1}"#)
        #expect(errorCode(refused) == 403)
        #expect(refused?["error"]?["data"]?["reason"] == "auth.operator_required")
        let allowed = try await reply(#"{"jsonrpc":"2.0","method":"admin.only","id":1}"#, peer: Self.operatorPeer)
        #expect(allowed?["result"] == "ok")
    }

    @Test("unrecognised errors become -32603 without details")
    func internalError() async throws {
        let r = try await reply(#"{"jsonrpc":"2.0","method":"boom","id":1}"#)
        #expect(errorCode(r) == -32603)
        #expect(r?["error"]?["data"]?["reason"] == "server.internal")
    }

    @Test("deep nesting is an Invalid Request, not a crash")
    func deepNesting() async throws {
        let r = try await reply(String(repeating: "[", count: 10_000))
        #expect(errorCode(r) == -32600)
        #expect(r?["error"]?["data"]?["reason"] == "request.too_deep")
    }

    @Test("OpenRPC document lists every method with its params")
    func openRPC() {
        let doc = OpenRPCDocument.make(table: dispatcher.table, title: "t", version: "1")
        let methods = doc["methods"]?.arrayValue ?? []
        #expect(methods.count == dispatcher.table.methods.count)
        let subtract = methods.first { $0["name"] == "subtract" }
        #expect(subtract?["params"]?.arrayValue?.map { $0["name"] } == ["minuend", "subtrahend"])
        #expect(doc["openrpc"]?.stringValue?.hasPrefix("1.") == true)
    }
}
