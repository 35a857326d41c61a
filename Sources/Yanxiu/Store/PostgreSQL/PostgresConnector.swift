import Postgres

/// How the store reaches its server: the operator's connection string and the settings every
/// session of the daemon gets.
struct PostgresConnector: Sendable {
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
        let connection = try PostgresConnection(conninfo, defaults: defaults.merging(["connect_timeout": "5", "application_name": "yanxiud"]) { mine, _ in mine })
        // Times are stored as numbers; the session's time zone and date style never matter,
        // but the text encoding does.
        try connection.run("SET client_encoding = 'UTF8'")
        return connection
    }
}
