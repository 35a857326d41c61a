import Foundation
import JSONRPC
import YanxiuClient

/// A client that keeps the daemon busy until it closes the connection: with a session it
/// renames the account one call at a time; without one it pipelines pings, 16 in flight.
final class LoadClient: @unchecked Sendable {
    // Touched only by the client's own thread until `join` returns.
    let socketPath: String
    let session: String?
    let names: [String]
    private(set) var answered = 0
    private(set) var lastAnsweredName: String?
    private(set) var badReplies: [String] = []
    private let finished = DispatchSemaphore(value: 0)

    init(socketPath: String, session: String?, names: [String]) {
        self.socketPath = socketPath
        self.session = session
        self.names = names
    }

    func start() {
        Thread { [self] in
            defer { finished.signal() }
            guard let client = try? RPCClient(socketPath: socketPath) else { return }
            if let session { rename(client, session: session) } else { pipelinePings(client) }
        }.start()
    }

    func join() { finished.wait() }

    private func rename(_ client: RPCClient, session: String) {
        for name in names {
            do {
                _ = try client.call("account.updateBasicInfo", ["session": .string(session), "name": .string(name), "teacherType": "staff", "schoolId": 1])
                answered += 1
                lastAnsweredName = name
            } catch let error as RPCError {
                badReplies.append("\(error)")
                return
            } catch {
                return  // closed by the stopping daemon
            }
        }
    }

    private func pipelinePings(_ client: RPCClient) {
        var next = 0
        var outstanding = Set<Int>()
        do {
            while true {
                while outstanding.count < 16 {
                    try client.send(["jsonrpc": "2.0", "id": .int(next), "method": "system.ping"])
                    outstanding.insert(next)
                    next += 1
                }
                guard let reply = try client.readMessage() else { return }
                guard let id = reply["id"]?.int64Value.map(Int.init), outstanding.remove(id) != nil, reply["result"]?["pong"] == true else {
                    badReplies.append(JSONWriter.string(reply))
                    return
                }
                answered += 1
            }
        } catch {
            return  // the daemon closed the connection
        }
    }
}
