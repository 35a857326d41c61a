import Glibc
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
