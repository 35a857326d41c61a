import Postgres

/// How the store reaches its server: the operator's connection string and the settings every
/// session of the daemon gets.
struct PostgresConnector: Sendable {
    /// Over TCP, a server that vanished without closing its connections (a host lost in a
    /// failover) is given up on within about ten seconds: keepalives probe an idle connection,
    /// and `tcp_user_timeout` bounds how long sent data may wait unacknowledged. Without them a
    /// writer could wait for the kernel's retransmissions for many minutes while its callers
    /// wait and the watchdog (30 s in the shipped unit) restarts the daemon. Unix sockets ignore
    /// them. The connection string may set each one otherwise.
    static let sessionDefaults = [
        "connect_timeout": "5", "application_name": "yanxiud",
        "keepalives": "1", "keepalives_idle": "5", "keepalives_interval": "2", "keepalives_count": "3",
        "tcp_user_timeout": "10000",
    ]

    let conninfo: String
    /// libpq settings `conninfo` may override (a credential's password file).
    var defaults: [String: String] = [:]

    /// The same server and settings, for sessions that `pg_stat_activity` shows as `name`.
    func named(_ name: String) -> PostgresConnector {
        var named = self
        named.defaults["application_name"] = name
        return named
    }

    /// Opens a session: connects (libpq tries each host the string names, honouring
    /// `target_session_attrs`) and sets what the store relies on.
    func connect() throws -> PostgresConnection {
        let connection = try PostgresConnection(conninfo, defaults: defaults.merging(Self.sessionDefaults) { mine, _ in mine })
        // Times are stored as numbers; the session's time zone and date style never matter,
        // but the text encoding does.
        try connection.run("SET client_encoding = 'UTF8'")
        return connection
    }
}
