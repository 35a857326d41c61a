import Glibc
import JSONRPC
import NIOCore

/// Reads the connecting process's pid, uid and gid with SO_PEERCRED.
enum PeerCredentials {
    /// `struct ucred` of <sys/socket.h>: pid, uid, gid, each 32 bits.
    typealias UCred = (pid: Int32, uid: UInt32, gid: UInt32)

    static func read(from channel: any Channel) -> EventLoopFuture<UCred> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        return provider.unsafeGetSocketOption(level: .socket, name: NIOBSDSocket.Option(rawValue: SO_PEERCRED))
    }
}

extension OperatorPolicy {
    /// The policy for configured uids and group names (or numbers), resolved through the
    /// system's group database once, at start.
    init(uids: [UInt32], groups: [String]) {
        var gids = Set<UInt32>()
        var members = Set<UInt32>()
        for name in groups {
            let group: UnsafeMutablePointer<group>? = UInt32(name).flatMap { getgrgid($0) } ?? getgrnam(name)
            guard let group else { continue }
            gids.insert(group.pointee.gr_gid)
            var member = group.pointee.gr_mem
            while let entry = member?.pointee {
                if let user = getpwnam(entry) { members.insert(user.pointee.pw_uid) }
                member = member?.successor()
            }
        }
        self.init(uids: Set(uids), gids: gids, memberUIDs: members)
    }
}
