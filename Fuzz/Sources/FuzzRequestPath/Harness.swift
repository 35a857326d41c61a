import Dispatch
import Foundation
import JSONRPC
import Logging
import NIOCore
import Synchronization
import Systemd
import YanxiuServer

/// The daemon's request path over a scratch store in /dev/shm, opened once per process.
final class Harness: Sendable {
    static let maxLineBytes = 4096
    static let shared = Harness()
    /// Scratch state on a memory file system when there is one: fsyncs there cost nothing.
    static let directory = (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()) + "/yanxiu-fuzz-\(getpid())"

    let dispatcher: Dispatcher
    /// The daemon folds the WAL back every 2 s (its checkpoint service); so does the harness,
    /// every `checkpointEvery` lines, or the WAL would grow for the whole run.
    let checkpoint: @Sendable () -> Void
    static let checkpointEvery = 256
    private let served = Atomic(0)
    let user = RPCPeer(pid: 1, uid: 1000, gid: 1000, isOperator: false)
    let operatorPeer = RPCPeer(pid: 1, uid: 0, gid: 0, isOperator: true)

    private init() {
        // Logs would cost most of each execution (and `system.setLogLevel` may turn them up).
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        var configuration = DaemonConfiguration()
        configuration.stateDirectory = Self.directory
        // Cheap password hashes keep the executions per second up; the rules are the same.
        configuration.passwordScryptLogN = 10
        let ready = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var opened: Result<RequestPath, any Error>?
        Task {
            do {
                opened = .success(try await RequestPath.open(configuration: configuration, logLevel: SharedLogLevel(.critical)))
            } catch {
                opened = .failure(error)
            }
            ready.signal()
        }
        ready.wait()
        do {
            let path = try opened!.get()
            dispatcher = path.dispatcher
            checkpoint = { path.checkpoint() }
        } catch {
            fatalError("cannot open the scratch store: \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: Harness.directory) }
    }

    /// Dispatches one frame and checks the reply a client would read.
    func serve(_ frame: Frame, asOperator: Bool) {
        guard case .line(let buffer) = frame else { return }
        if served.add(1, ordering: .relaxed).newValue % Self.checkpointEvery == 0 { checkpoint() }
        let line = Array(buffer.readableBytesView)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var reply: [UInt8]?
        dispatcher.handle(line: line, peer: asOperator ? operatorPeer : user, notify: { _, _ in }) { answer in
            reply = answer
            done.signal()
        }
        // `system.ping` may be asked to wait up to 10 s; such a call finishes on its own later.
        guard done.wait(timeout: .now() + 2) == .success else { return }
        if let reply { ReplyCheck.verify(reply: reply, request: line) }
    }
}
