import Testing
@testable import JSONRPC

/// The callback and async forms of the dispatcher are one path: same replies for every kind
/// of outcome, and what needs no task (refusals, callback methods) answers before `handle` returns.
@Suite("Dispatcher: one path for callback and async callers")
struct DispatchPathTests {
    static let peer = RPCPeer(pid: 1, uid: 1000, gid: 1000, isOperator: false)

    struct Failure: Error {}

    static let dispatcher = Dispatcher(table: MethodTable([
        MethodDescriptor("fast", "", access: .anyone, params: [.integer("n")]) { call, done in
            done(.success(.int64(call.params.int64("n")! + 1)))
        },
        MethodDescriptor("fast.refused", "", access: .anyone) { _, done in
            done(.failure(RPCError.invalidParams(field: "x", reason: "nope")))
        },
        MethodDescriptor("fast.broken", "", access: .anyone) { _, done in done(.failure(Failure())) },
        MethodDescriptor("slow", "", access: .anyone, params: [.integer("n")]) { call in .int64(call.params.int64("n")! * 2) },
        MethodDescriptor("slow.broken", "", access: .anyone) { _ in throw Failure() },
        MethodDescriptor("admin", "", access: .operator) { _, done in done(.success("ok")) },
    ]))

    static let lines = [
        #"{"jsonrpc":"2.0","method":"fast","params":{"n":1},"id":1}"#,
        #"{"jsonrpc":"2.0","method":"fast.refused","id":2}"#,
        #"{"jsonrpc":"2.0","method":"fast.broken","id":3}"#,
        #"{"jsonrpc":"2.0","method":"slow","params":{"n":4},"id":4}"#,
        #"{"jsonrpc":"2.0","method":"slow.broken","id":5}"#,
        #"{"jsonrpc":"2.0","method":"admin","id":6}"#,
        #"{"jsonrpc":"2.0","method":"fast","params":{"n":"x"},"id":7}"#,
        #"{"jsonrpc":"2.0","method":"missing","id":8}"#,
        #"{"jsonrpc":"2.0","method":"fast","params":{"n":1}}"#,
        #"{"jsonrpc":"2.0","method":"slow.broken"}"#,
        #"[{"jsonrpc":"2.0","method":"fast","params":{"n":1},"id":9},{"jsonrpc":"2.0","method":"slow","params":{"n":2},"id":10}]"#,
        #"{"jsonrpc":"2.0","method":"fast""#,
    ]

    static func callbackReply(_ line: String) async -> [UInt8]? {
        await withCheckedContinuation { continuation in
            dispatcher.handle(line: Array(line.utf8), peer: peer, notify: { _, _ in }) { continuation.resume(returning: $0) }
        }
    }

    @Test("the callback form answers every line byte for byte as the async form does", arguments: lines)
    func sameReplies(line: String) async {
        let viaCallback = await Self.callbackReply(line)
        let viaAsync = await Self.dispatcher.handle(line: Array(line.utf8), peer: Self.peer)
        #expect(viaCallback == viaAsync)
    }

    @Test("errors map the same way on both forms: own errors kept, others -32603 and reported once", arguments: ["fast.broken", "slow.broken"])
    func internalErrorsReported(method: String) async {
        let reports = Reports()
        let dispatcher = Dispatcher(table: Self.dispatcher.table) { name, _ in reports.add(name) }
        let request = RPCRequest(id: .value(1), method: method)
        let outcome = await dispatcher.run(request, peer: Self.peer, notify: { _, _ in })
        #expect(outcome == .failure(.internalError()))
        #expect(reports.names == [method])
    }

    @Test("refusals and callback methods answer before handle returns, without a task", arguments: [
        #"{"jsonrpc":"2.0","method":"fast","params":{"n":1},"id":1}"#,
        #"{"jsonrpc":"2.0","method":"admin","id":6}"#,
        #"{"jsonrpc":"2.0","method":"slow","params":{},"id":7}"#,
        #"{"jsonrpc":"2.0","method":"missing","id":8}"#,
        #"{"jsonrpc":"2.0","method":"fast""#,
    ])
    func synchronousAnswers(line: String) {
        let answered = Reports()
        Self.dispatcher.handle(line: Array(line.utf8), peer: Self.peer, notify: { _, _ in }) { _ in answered.add("reply") }
        #expect(answered.names == ["reply"])
    }
}

/// Names recorded from callbacks; read only after the callbacks that write it have finished.
final class Reports: @unchecked Sendable {
    private(set) var names: [String] = []
    func add(_ name: String) { names.append(name) }
}
