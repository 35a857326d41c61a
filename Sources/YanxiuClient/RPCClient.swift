import Glibc
import JSONRPC
import UnixSocket

/// Why a client call could not complete.
public enum ClientError: Error, CustomStringConvertible, Sendable {
    case connect(path: String, errno: Int32)
    case io(Int32)
    case closed
    case timeout
    case malformedReply(String)

    public var description: String {
        switch self {
        case .connect(let path, let code): "cannot connect to \(path): \(String(cString: strerror(code)))"
        case .io(let code): "socket error: \(String(cString: strerror(code)))"
        case .closed: "the daemon closed the connection"
        case .timeout: "no reply in time"
        case .malformedReply(let detail): "malformed reply: \(detail)"
        }
    }
}

/// A blocking JSON-RPC client over a Unix stream socket; one per thread.
public final class RPCClient {
    public let path: String
    private let fd: Int32
    /// Received bytes not yet returned; `start` marks the first unread one.
    private var buffer: [UInt8] = []
    private var start = 0
    private var chunk = [UInt8](repeating: 0, count: 65536)
    var nextID = 1

    public init(socketPath: String) throws(ClientError) {
        path = socketPath
        // `self.fd` is set only once connected: a throw after every property is set would run
        // `deinit`, which closes the descriptor a second time (by then perhaps another thread's).
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .io(errno) }
        guard let result = UnixSocketAddress.with(socketPath, { connect(descriptor, $0, $1) }) else {
            close(descriptor)
            throw .connect(path: socketPath, errno: ENAMETOOLONG)
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw .connect(path: socketPath, errno: code)
        }
        fd = descriptor
    }

    deinit { close(fd) }

    /// Sends bytes as they are (no newline added).
    public func sendRaw(_ bytes: [UInt8]) throws(ClientError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .io(errno)
            }
            offset += written
        }
    }

    /// Sends one line (a newline is appended).
    public func sendLine(_ bytes: [UInt8]) throws(ClientError) {
        try sendRaw(bytes + [0x0A])
    }

    public func send(_ value: JSONValue) throws(ClientError) {
        try sendLine(JSONWriter.bytes(value))
    }

    /// Shuts down the sending side; the daemon still answers what it received.
    public func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// The next line from the daemon, or nil when it closed the connection.
    public func readLine(timeoutMs: Int32 = 30_000) throws(ClientError) -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                if start == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    start = 0
                }
                return line
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeoutMs)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .io(errno)
            }
            if ready == 0 { throw .timeout }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == ECONNRESET { return nil }
                throw .io(errno)
            }
            if count == 0 {
                if buffer.isEmpty { return nil }
                let rest = buffer
                buffer.removeAll()
                return rest
            }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// The next message from the daemon, parsed; nil when it closed the connection.
    public func readMessage(timeoutMs: Int32 = 30_000) throws(ClientError) -> JSONValue? {
        guard let line = try readLine(timeoutMs: timeoutMs) else { return nil }
        do {
            return try JSONParser.parse(line)
        } catch {
            throw .malformedReply(error.description)
        }
    }

    /// Calls `method` and waits for its reply; notifications that arrive first go to `onNotification`.
    public func call(
        _ method: String, _ params: JSONObject = JSONObject(), timeoutMs: Int32 = 120_000,
        onNotification: (String, JSONValue) -> Void = { _, _ in }
    ) throws -> JSONValue {
        let id = nextID
        nextID += 1
        try send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": .object(params)])
        while true {
            guard let message = try readMessage(timeoutMs: timeoutMs) else { throw ClientError.closed }
            if message["id"] == nil, let name = message["method"]?.stringValue {
                onNotification(name, message["params"] ?? .null)
                continue
            }
            guard message["id"] == .int(id) else {
                if let error = message["error"], message["id"] == .null { throw RPCError(json: error) }
                continue
            }
            if let error = message["error"] { throw RPCError(json: error) }
            return message["result"] ?? .null
        }
    }
}

extension RPCError {
    /// An error object received from the daemon.
    public init(json: JSONValue) {
        let data = json["data"]?.objectValue ?? JSONObject()
        self.init(
            code: Int(json["code"]?.int64Value ?? 0), message: json["message"]?.stringValue ?? "",
            reason: data["reason"]?.stringValue ?? "", data: data)
    }
}
