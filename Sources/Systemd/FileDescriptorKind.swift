#if canImport(Glibc)
import Glibc
#endif

/// Words for what an fd is, so an operator reading a start-up error can fix the unit file.
public enum FileDescriptorKind {
    /// e.g. `listening stream socket, AF_UNIX`, `datagram socket, AF_INET6`, `regular file`.
    public static func describe(_ fd: Int32) -> String {
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            return "not open: \(String(cString: strerror(errno)))"
        }
        switch status.st_mode & S_IFMT {
        case S_IFSOCK: return describeSocket(fd)
        case S_IFREG: return "regular file"
        case S_IFIFO: return "FIFO"
        case S_IFCHR: return "character device"
        case S_IFDIR: return "directory"
        case S_IFBLK: return "block device"
        default: return "file of mode \(String(status.st_mode, radix: 8))"
        }
    }

    static func describeSocket(_ fd: Int32) -> String {
        let type = socketOption(fd, SO_TYPE)
        let family = socketOption(fd, SO_DOMAIN)
        let listening = socketOption(fd, SO_ACCEPTCONN) == 1
        let typeName: String
        switch type {
        case Int32(SOCK_STREAM.rawValue): typeName = "stream socket"
        case Int32(SOCK_DGRAM.rawValue): typeName = "datagram socket"
        case Int32(SOCK_SEQPACKET.rawValue): typeName = "seqpacket socket"
        case Int32(SOCK_RAW.rawValue): typeName = "raw socket"
        case nil: typeName = "socket of unknown type"
        case let other?: typeName = "socket of type \(other)"
        }
        let familyName = family.map(familyName) ?? "unknown family"
        return "\(listening ? "listening " : "")\(typeName), \(familyName)"
    }

    /// `AF_UNIX`, `AF_INET`, … or `family N`.
    public static func familyName(_ family: Int32) -> String {
        switch family {
        case AF_UNIX: return "AF_UNIX"
        case AF_INET: return "AF_INET"
        case AF_INET6: return "AF_INET6"
        case AF_NETLINK: return "AF_NETLINK"
        case AF_UNSPEC: return "AF_UNSPEC"
        default: return "family \(family)"
        }
    }

    private static func socketOption(_ fd: Int32, _ option: Int32) -> Int32? {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, option, &value, &length) == 0 else { return nil }
        return value
    }
}
