extension PostgresCluster {
    /// How a throwaway cluster is set up.
    public struct Options: Sendable {
        /// Server settings (`name = value` in the cluster's postgresql.conf), after the cluster's own.
        public var settings: [String: String]
        /// An address to listen on over TCP as well as on the Unix socket, such as "127.0.0.1".
        public var listenTCP: String?
        /// When set, the superuser has this password and every connection must give it (scram-sha-256).
        public var password: String?
        /// Whether the server flushes to disk; turn it off only where durability is not under test.
        public var fsync: Bool
        /// How the cluster starts its programs.
        public var launcher: Launcher

        public init(
            settings: [String: String] = [:],
            listenTCP: String? = nil,
            password: String? = nil,
            fsync: Bool = true,
            launcher: Launcher = .serialised
        ) {
            self.settings = settings
            self.listenTCP = listenTCP
            self.password = password
            self.fsync = fsync
            self.launcher = launcher
        }
    }

    /// How `stop(mode:)` shuts the server down.
    public enum StopMode: Sendable {
        /// Rolls back open transactions, disconnects clients and writes a checkpoint.
        case fast
        /// Ends at once without a checkpoint: the next start recovers from the write-ahead log.
        case immediate
    }
}
