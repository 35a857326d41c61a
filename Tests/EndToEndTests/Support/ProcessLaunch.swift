import Foundation

/// Serialises starting child processes in this test process.
///
/// Foundation's `Process.run` on Linux sets up the child's descriptors while other test
/// threads create and close pipes; done concurrently, it intermittently fails with EBADF.
enum ProcessLaunch {
    private static let lock = NSLock()

    static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
