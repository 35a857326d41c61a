import Foundation
import UnixSocket

/// A datagram socket standing in for systemd's notification socket.
final class NotifySocket {
    let path: String
    private let fd: Int32

    init(directory: String) throws {
        path = directory + "/notify.sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        let fd = self.fd
        guard UnixSocketAddress.with(path, { bind(fd, $0, $1) }) == 0 else { throw POSIXError(.EADDRINUSE) }
    }

    deinit { close(fd) }

    /// Reads datagrams until one contains `line` or the timeout passes; returns all read.
    func waitFor(_ line: String, timeoutMs: Int32 = 20_000) -> [String] {
        var messages: [String] = []
        let deadline = Date().addingTimeInterval(Double(timeoutMs) / 1000)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { continue }
            let message = String(decoding: buffer[..<count], as: UTF8.self)
            messages.append(message)
            if message.split(separator: "\n").contains(Substring(line)) { return messages }
        }
        return messages
    }

    /// Every datagram that arrives within `durationMs`, with its arrival time.
    func collect(forMs durationMs: Int) -> [(at: Date, text: String)] {
        var messages: [(at: Date, text: String)] = []
        let deadline = Date().addingTimeInterval(Double(durationMs) / 1000)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 { messages.append((Date(), String(decoding: buffer[..<count], as: UTF8.self))) }
        }
        return messages
    }
}
