import Foundation

/// A TCP port number nobody listens on at the moment of asking, chosen by the kernel.
enum FreePort {
    static func pick(address: String = "127.0.0.1") throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw PostgresClusterError("socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = 0
        // An address that is not IPv4 (such as "::1") still gets a port free on the IPv4 loopback.
        socketAddress.sin_addr.s_addr = inet_addr(address) == INADDR_NONE ? inet_addr("127.0.0.1") : inet_addr(address)
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else { throw PostgresClusterError("bind: \(String(cString: strerror(errno)))") }
        var chosen = sockaddr_in()
        var chosenLength = length
        let named = withUnsafeMutablePointer(to: &chosen) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &chosenLength) }
        }
        guard named == 0 else { throw PostgresClusterError("getsockname: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: chosen.sin_port))
    }
}
