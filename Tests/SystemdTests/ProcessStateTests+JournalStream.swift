import Glibc
import Systemd
import Testing

extension ProcessStateTests {
    /// `DEVICE:INODE` of what `fd` refers to, as systemd writes `JOURNAL_STREAM`.
    private func identity(of fd: Int32) throws -> (device: UInt64, inode: UInt64) {
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw SystemCallError("fstat") }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }

    @Test func stderrIsTheJournalWhenJournalStreamNamesIt() throws {
        let stderr = try identity(of: STDERR_FILENO)
        let (connected, destination) = withEnvironment(["JOURNAL_STREAM": "\(stderr.device):\(stderr.inode)"]) {
            (JournalStream.isConnected, LogDestination.detect())
        }
        #expect(connected)
        #expect(destination == .journal)
    }

    @Test func redirectedStderrIsNotTheJournal() throws {
        // What a shell leaves behind: the variable inherited, stderr pointing elsewhere.
        let stderr = try identity(of: STDERR_FILENO)
        let (connected, destination) = withEnvironment(["JOURNAL_STREAM": "\(stderr.device):\(stderr.inode + 1)"]) {
            (JournalStream.isConnected, LogDestination.detect())
        }
        #expect(!connected)
        #expect(destination == .stderr)
    }

    @Test func withoutJournalStreamLogsGoToStderr() {
        let (connected, destination) = withEnvironment(["JOURNAL_STREAM": nil]) {
            (JournalStream.isConnected, LogDestination.detect())
        }
        #expect(!connected)
        #expect(destination == .stderr)
    }
}
