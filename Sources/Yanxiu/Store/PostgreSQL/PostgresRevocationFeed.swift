import Dispatch
import Glibc
import Locking
import Logging
import Postgres

/// Hears the sessions that any daemon on the database ends, and makes this daemon's session
/// cache forget them: one connection of its own that `LISTEN`s on `channel`, on its own Dispatch
/// thread.
///
/// Revoking transactions send `pg_notify` (`PostgresAccountsStore.deleteSession(s)`), which
/// PostgreSQL delivers when they commit. Between messages the thread asks the server a trivial
/// question every `pingInterval`: an answer proves that everything committed before the question
/// was delivered (`SessionCache.feedHeard`). When no answer comes, the cache stops trusting its
/// older entries by itself; when the connection is back, the cache is emptied.
public final class PostgresRevocationFeed: Sendable {
    public static let channel = "yanxiu_session_revoked"

    private let connector: PostgresConnector
    private let cache: SessionCache
    private let logger: Logger
    private let pingInterval: Double
    private let stopped = Locked(false)
    private let queue = DispatchQueue(label: "yanxiu.session-revocations")

    init(connector: PostgresConnector, cache: SessionCache, logger: Logger = Logger(label: "yanxiu.store"), pingInterval: Double = 0.25) {
        // Named apart from the store's sessions, for operators reading pg_stat_activity.
        self.connector = connector.named("yanxiud-revocations")
        self.cache = cache
        self.logger = logger
        self.pingInterval = pingInterval
    }

    /// Starts listening; the cache distrusts what it holds until the first connection listens.
    public func start() {
        cache.followFeed()
        queue.async { self.run() }
    }

    /// Stops at the next ping; the connection closes with it.
    public func stop() {
        stopped.withLock { $0 = true }
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    private func run() {
        var failures = 0
        while !isStopped {
            do {
                let connection = try connector.connect()
                let listenedAt = DispatchTime.now().uptimeNanoseconds
                try connection.listen(Self.channel)
                cache.feedConnected(at: listenedAt)
                if failures > 0 { logger.notice("session revocations heard again; the session cache was emptied") }
                failures = 0
                try follow(connection)
            } catch {
                failures += 1
                // One line per outage, not one per attempt.
                if failures == 1 {
                    logger.warning("session revocations cannot be heard; sessions are read from the database until they can",
                                   metadata: ["error": "\(error)"])
                }
                usleep(200_000)
            }
        }
    }

    private func follow(_ connection: PostgresConnection) throws {
        while !isStopped {
            apply(try connection.notifications(waitingUpTo: pingInterval))
            let askedAt = DispatchTime.now().uptimeNanoseconds
            try connection.run("SELECT 1")
            apply(try connection.notifications(waitingUpTo: 0))
            cache.feedHeard(at: askedAt)
        }
    }

    private func apply(_ notifications: [PostgresNotification]) {
        for notification in notifications where notification.channel == Self.channel {
            guard let revocation = SessionRevocation(payload: notification.payload) else {
                logger.warning("unreadable session revocation", metadata: ["payload": "\(notification.payload)"])
                continue
            }
            cache.apply(revocation)
        }
    }
}
