#if canImport(Glibc)
import Glibc
#endif

/// Whether stderr goes to journald, per systemd.exec(5): the manager sets `JOURNAL_STREAM`
/// to `DEVICE:INODE` of the stream it connected, and the fd still being that stream proves
/// the output was not redirected since (by a shell, `2>file`, or a parent's pipe).
public enum JournalStream {
    /// True when this process's stderr is the journal stream systemd set up.
    public static var isConnected: Bool {
        let value = getenv("JOURNAL_STREAM").map { String(cString: $0) }
        return isConnected(fileDescriptor: STDERR_FILENO, journalStream: value)
    }

    /// True when `journalStream` (the variable's value) names the file `fileDescriptor` refers to.
    public static func isConnected(fileDescriptor: Int32, journalStream: String?) -> Bool {
        guard let journalStream, let (device, inode) = parse(journalStream) else { return false }
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }

    /// `"DEVICE:INODE"`, both decimal, as systemd writes them.
    public static func parse(_ value: String) -> (device: UInt64, inode: UInt64)? {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else {
            return nil
        }
        return (device, inode)
    }
}
