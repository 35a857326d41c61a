import Glibc
import UnixSocket

/// A bare Unix-socket connection: only a descriptor, so that ten thousand of them cost the
/// test almost nothing (an `RPCClient` keeps a 64 kB buffer).
struct RawConnection {
    let fd: Int32

    /// Connects to `path`; nil when the connection is refused.
    init?(path: String) {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        let fd = self.fd
        guard UnixSocketAddress.with(path, { connect(fd, $0, $1) }) == 0 else {
            close(fd)
            return nil
        }
    }

    func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Sends without waiting; returns how many bytes the socket took (0 when its buffer is full).
    func sendNow(_ bytes: ArraySlice<UInt8>) -> Int {
        let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        return max(sent, 0)
    }

    /// Bytes until the first newline, or until the peer closes or `timeoutMs` passes.
    func readLine(timeoutMs: Int32 = 5000) -> [UInt8]? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, timeoutMs) == 1 else { return nil }
            guard recv(fd, &byte, 1, 0) == 1 else { return line.isEmpty ? nil : line }
            if byte == 0x0A { return line }
            line.append(byte)
        }
    }

    /// Whether the peer closed the connection within `timeoutMs` (EOF or reset).
    func closedByPeer(timeoutMs: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMs) == 1 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count == 0 || (count < 0 && errno != EAGAIN) { return true }
            if count < 0 { return closedByPeer(timeoutMs: timeoutMs) }
        }
    }

    func closeNow() { close(fd) }
}

/// Resident memory of a process in kB, from /proc.
func residentKB(pid: Int32) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

/// Raises this process's descriptor limit (children inherit it) as far as the hard limit allows.
@discardableResult
func raiseDescriptorLimit(to wanted: rlim_t) -> rlim_t {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    limit.rlim_cur = min(max(limit.rlim_cur, wanted), limit.rlim_max)
    setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    return limit.rlim_cur
}
