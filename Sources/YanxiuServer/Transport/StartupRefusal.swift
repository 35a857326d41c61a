import Glibc
import JSONRPC

/// What a socket-activated daemon that cannot start does with the connections already
/// waiting: answers each with one error line instead of leaving it to hang.
///
/// Without this, the connection that started the service stays queued on the listening
/// socket systemd keeps open, its client waits for a reply that never comes, and systemd
/// starts the service again for it.
public enum StartupRefusal {
    /// The reply every waiting client gets: 503 `server.misconfigured`. The details stay in the
    /// journal, where only the machine's administrators read them.
    public static let misconfigured: [UInt8] = RPCResponse.line(RPCResponse.failure(
        id: .null,
        error: .busy(retryAfterMs: 10_000, reason: "server.misconfigured",
                     message: "yanxiud cannot start: its configuration is broken (see journalctl -u yanxiud)")))

    /// Accepts every connection already waiting on the listening sockets `descriptors`,
    /// writes `line` to each and closes it. Returns how many were answered.
    @discardableResult
    public static func answerWaiting(on descriptors: [Int32], line: [UInt8] = misconfigured) -> Int {
        var answered = 0
        for listener in descriptors {
            while isReadable(listener, timeoutMs: 0) {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { break }
                answer(connection, line: line)
                answered += 1
            }
        }
        return answered
    }

    /// Writes the line, then reads what the client sent until it hangs up (waiting a second at most
    /// for each piece, 1 MiB in all):
    /// closing a Unix socket with unread data would reset the client before it reads the line.
    private static func answer(_ connection: Int32, line: [UInt8]) {
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = line.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        shutdown(connection, Int32(SHUT_WR))
        var scratch = [UInt8](repeating: 0, count: 4096)
        var drained = 0
        while drained < 1 << 20, isReadable(connection, timeoutMs: 1000) {
            let count = scratch.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            drained += count
        }
        close(connection)
    }

    private static func isReadable(_ descriptor: Int32, timeoutMs: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, timeoutMs) == 1 && (entry.revents & Int16(POLLIN)) != 0
    }
}
