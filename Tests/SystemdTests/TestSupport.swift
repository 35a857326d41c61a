import Glibc
import UnixSocket

/// A failed system call in test set-up, with errno, so a broken fixture reads as such.
struct SystemCallError: Error, CustomStringConvertible {
    let call: String
    let code: Int32

    init(_ call: String, code: Int32 = errno) {
        self.call = call
        self.code = code
    }

    var description: String { "\(call): \(String(cString: strerror(code)))" }
}

/// A fresh directory under /tmp, removed with its (flat) contents when dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/systemd-tests.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw SystemCallError("mkdtemp") }
        path = String(cString: made)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name != "." && name != ".." { unlink(file(name)) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}

/// Sets environment variables for the duration of `body`, then puts back what was there.
/// Only for tests in the serialized `ProcessStateTests` suite: the environment is process-wide.
func withEnvironment<T>(_ changes: [String: String?], _ body: () throws -> T) rethrows -> T {
    let saved = changes.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
    for (name, value) in changes { set(name, value) }
    defer { for (name, value) in saved { set(name, value) } }
    return try body()
}

private func set(_ name: String, _ value: String?) {
    if let value { setenv(name, value, 1) } else { unsetenv(name) }
}

enum Sockets {
    /// A Unix socket of `type` (SOCK_STREAM, SOCK_DGRAM), close-on-exec, bound to `path`.
    static func bound(_ type: __socket_type, at path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(type.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SystemCallError("socket") }
        guard let result = UnixSocketAddress.with(path, { bind(fd, $0, $1) }) else {
            close(fd)
            throw SystemCallError("bind (path too long)", code: ENAMETOOLONG)
        }
        guard result == 0 else {
            let error = SystemCallError("bind \(path)")
            close(fd)
            throw error
        }
        return fd
    }

    static func listening(at path: String) throws -> Int32 {
        let fd = try bound(SOCK_STREAM, at: path)
        guard listen(fd, 8) == 0 else {
            let error = SystemCallError("listen")
            close(fd)
            throw error
        }
        return fd
    }

    /// A listening TCP socket on 127.0.0.1, any port.
    static func listeningTCP() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SystemCallError("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0, listen(fd, 8) == 0 else {
            let error = SystemCallError("bind/listen TCP")
            close(fd)
            throw error
        }
        return fd
    }

    /// The datagrams waiting on `fd`, without blocking: sd_notify has sent before it returns.
    static func pendingDatagrams(on fd: Int32) -> [String] {
        var messages: [String] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            guard count >= 0 else { break }
            messages.append(String(decoding: buffer.prefix(count), as: UTF8.self))
        }
        return messages
    }
}

/// Reads what is available on a non-blocking or closed-for-writing fd.
func readAvailable(from fd: Int32) -> String {
    var collected: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { break }
        collected.append(contentsOf: buffer.prefix(count))
    }
    return String(decoding: collected, as: UTF8.self)
}

func readFile(_ path: String) -> String? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return readAvailable(from: fd)
}

func writeFile(_ path: String, _ text: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw SystemCallError("open \(path)") }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    guard write(fd, bytes, bytes.count) == bytes.count else { throw SystemCallError("write \(path)") }
}

func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

/// A pipe whose read end does not block, so a test reads what was written and stops.
func makePipe() throws -> (read: Int32, write: Int32) {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw SystemCallError("pipe") }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
    return (fds[0], fds[1])
}
