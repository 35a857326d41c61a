import Foundation
import JSONRPC
import YanxiuClient

/// One client of the crash test: calls one after another on its own connection and records
/// which were answered, and the one that was in flight when the daemon died.
class CrashWorker: @unchecked Sendable {
    // Touched only by the worker's own thread until `join` returns, then only by the test.
    let socketPath: String
    var answered = 0
    var failures: [String] = []
    private let finished = DispatchSemaphore(value: 0)

    init(socketPath: String) { self.socketPath = socketPath }

    func start() {
        let thread = Thread { [self] in
            defer { finished.signal() }
            guard let client = try? RPCClient(socketPath: socketPath) else { return }
            while true {
                do {
                    guard try step(client) else { return }
                } catch let error as RPCError {
                    failures.append("\(error)")
                    return
                } catch {
                    return  // the daemon died: the call in flight stays unanswered
                }
            }
        }
        thread.start()
    }

    func join() { finished.wait() }

    /// One call; false to stop. Throwing a client error means the daemon went away.
    func step(_ client: RPCClient) throws -> Bool { false }
}

/// Sends heartbeats of one playback, each after moving the test clock one second on.
final class HeartbeatWorker: CrashWorker, @unchecked Sendable {
    let session: String
    let playbackId: String
    var acknowledged: [Int64] = []
    var inFlight: Int64?

    init(socketPath: String, session: String, playbackId: String) {
        self.session = session
        self.playbackId = playbackId
        super.init(socketPath: socketPath)
    }

    override func step(_ client: RPCClient) throws -> Bool {
        let seq = Int64(acknowledged.count + 1)
        _ = try client.call("testClock.advance", ["seconds": 1])
        inFlight = seq
        let receipt = try client.call("progress.heartbeat", [
            "session": .string(session), "lessonId": .string(CrashTopic.lessonId), "playbackId": .string(playbackId), "seq": .int64(seq),
            "positionMs": .int64((seq - 1) * 1000), "state": "playing", "rate": 1,
        ])
        guard receipt["accepted"] == true else {
            failures.append("heartbeat \(seq) not accepted: \(JSONWriter.string(receipt))")
            return false
        }
        inFlight = nil
        acknowledged.append(seq)
        answered += 1
        return true
    }
}

/// Registers new accounts: a code, then `account.register`.
final class RegistrationWorker: CrashWorker, @unchecked Sendable {
    let phones: () -> String
    var acknowledged: [String: Int64] = [:]
    var inFlight: String?

    init(socketPath: String, phones: @escaping () -> String) {
        self.phones = phones
        super.init(socketPath: socketPath)
    }

    override func step(_ client: RPCClient) throws -> Bool {
        let phone = phones()
        _ = try client.call("sms.requestCode", ["phone": .string(phone), "purpose": "register"])
        let messages = try client.call("sms.outbox", ["phone": .string(phone)])["messages"]?.arrayValue ?? []
        guard let text = messages.first?["text"]?.stringValue, let code = CrashWorker.sixDigits(text) else {
            failures.append("no code in the outbox for \(phone)")
            return false
        }
        inFlight = phone
        let result = try client.call("account.register", ["phone": .string(phone), "code": .string(code), "password": "secret123", "agreeTerms": true])
        inFlight = nil
        acknowledged[phone] = result["userId"]?.int64Value ?? -1
        answered += 1
        return true
    }
}

/// Renames one account again and again through `account.updateBasicInfo`.
final class ProfileWorker: CrashWorker, @unchecked Sendable {
    let session: String
    let schoolID: Int64
    let names: [String]
    var lastAcknowledged: String?
    var inFlight: String?
    private var next = 0

    init(socketPath: String, session: String, schoolID: Int64, names: [String]) {
        self.session = session
        self.schoolID = schoolID
        self.names = names
        super.init(socketPath: socketPath)
    }

    override func step(_ client: RPCClient) throws -> Bool {
        let name = names[next % names.count]
        next += 1
        inFlight = name
        _ = try client.call("account.updateBasicInfo", ["session": .string(session), "name": .string(name), "teacherType": "staff", "schoolId": .int64(schoolID)])
        inFlight = nil
        lastAcknowledged = name
        answered += 1
        return true
    }
}

extension CrashWorker {
    static func sixDigits(_ text: String) -> String? {
        text.split { !$0.isNumber }.map(String.init).first { $0.count == 6 }
    }
}
