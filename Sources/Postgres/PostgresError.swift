/// A failure reported by libpq or the server.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// The server's SQLSTATE code (e.g. `23505`), nil for failures of the connection itself.
    public let sqlState: String?
    /// The server's or libpq's message, first line only.
    public let message: String
    /// True when the connection is gone: nothing more can be sent on it.
    public let connectionLost: Bool

    public init(sqlState: String?, message: String, connectionLost: Bool) {
        self.sqlState = sqlState
        self.message = message
        self.connectionLost = connectionLost
    }

    public var description: String {
        sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message
    }

    /// A unique or exclusion constraint refused a row.
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// The server cannot take this work now, but may later: connection lost or refused, server
    /// shutting down or starting, a standby refusing writes, out of resources.
    public var isUnavailability: Bool {
        if connectionLost { return true }
        guard let sqlState else { return true }
        return sqlState.hasPrefix("08") || sqlState.hasPrefix("53") || sqlState.hasPrefix("57P")
            || sqlState == "25006" || sqlState == "40001" || sqlState == "40P01"
    }
}
