import Foundation
import JSONRPC
import Locking
import YanxiuClient

/// One teacher's player on a thread of its own: heartbeats of one playback, one after another on
/// its own connection, each after moving its daemon's test clock a second on, until it is
/// stopped or its daemon goes away. What each call came back with is counted from the client's
/// side, which is all a client can know.
final class BackgroundPlayer: @unchecked Sendable {
    struct Tally: Sendable {
        /// The heartbeats the daemon acknowledged (answered `accepted`).
        var acknowledged: [Int64] = []
        /// The heartbeats answered 503 `store.unavailable`: stored or not, the client cannot tell.
        var unavailable: [Int64] = []
        /// The heartbeat in flight when the connection ended.
        var inFlight: Int64?
        /// Whether the connection ended (the daemon died or closed it).
        var connectionEnded = false
        /// Every other answer, each a defect.
        var failures: [String] = []
    }

    let socketPath: String
    let session: String
    let lessonId: String
    let playbackId: String
    private let tally = Locked(Tally())
    private let stopping = Locked(false)
    private let finished = DispatchSemaphore(value: 0)

    init(socketPath: String, session: String, lessonId: String, playbackId: String) {
        self.socketPath = socketPath
        self.session = session
        self.lessonId = lessonId
        self.playbackId = playbackId
    }

    /// What the player has seen so far.
    var snapshot: Tally { tally.withLock { $0 } }

    func start() {
        Thread { [self] in
            defer { finished.signal() }
            play()
        }.start()
    }

    /// Asks the player to stop after the call in flight, and waits for it; again is harmless.
    func stop() {
        stopping.withLock { $0 = true }
        join()
    }

    /// Waits until the player ended (stopped, its connection ended, or it met a defect).
    func join() {
        finished.wait()
        finished.signal()
    }

    private func play() {
        guard let client = try? RPCClient(socketPath: socketPath) else {
            tally.withLock { $0.connectionEnded = true }
            return
        }
        var seq: Int64 = 0
        while !stopping.withLock({ $0 }) {
            seq += 1
            do {
                _ = try client.call("testClock.advance", ["seconds": 1], timeoutMs: 30_000)
                tally.withLock { $0.inFlight = seq }
                let receipt = try client.call("progress.heartbeat", [
                    "session": .string(session), "lessonId": .string(lessonId), "playbackId": .string(playbackId), "seq": .int64(seq),
                    "positionMs": .int64((seq - 1) * 1000), "state": "playing", "rate": 1,
                ], timeoutMs: 30_000)
                let accepted = receipt["accepted"] == true
                tally.withLock {
                    $0.inFlight = nil
                    if accepted { $0.acknowledged.append(seq) } else { $0.failures.append("heartbeat \(seq) not accepted: \(JSONWriter.string(receipt))") }
                }
                if !accepted { return }
            } catch let error as RPCError where error.reason == "store.unavailable" && error.data["retryAfterMs"] != nil {
                tally.withLock {
                    $0.inFlight = nil
                    $0.unavailable.append(seq)
                }
                // Sooner than `retryAfterMs` advises: the test wants to see the recovery early.
                usleep(50_000)
            } catch let error as RPCError {
                tally.withLock { $0.failures.append("heartbeat \(seq): \(error) \(JSONWriter.string(.object(error.data)))") }
                return
            } catch {
                tally.withLock { $0.connectionEnded = true }
                return
            }
        }
    }
}
