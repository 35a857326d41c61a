import Foundation

extension PostgresCluster {
    /// How the cluster starts its child processes.
    ///
    /// Foundation's `Process.run` on Linux closes the descriptors it found open in the child, and
    /// fails with EBADF when another thread closes one meanwhile; a test process that starts programs
    /// from several threads passes its own launcher so that every start goes through one lock.
    public struct Launcher: Sendable {
        private let body: @Sendable (Process) throws -> Void

        public init(_ body: @escaping @Sendable (Process) throws -> Void) {
            self.body = body
        }

        public func run(_ process: Process) throws { try body(process) }

        /// Starts one process at a time among the clusters of this process that use it.
        public static let serialised = Launcher { process in
            launchLock.lock()
            defer { launchLock.unlock() }
            try process.run()
        }
    }
}

private let launchLock = NSLock()
