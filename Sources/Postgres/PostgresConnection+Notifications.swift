import CLibpq
import Glibc

/// A message a listening connection received through `LISTEN`/`NOTIFY`.
public struct PostgresNotification: Sendable, Equatable {
    public let channel: String
    public let payload: String

    public init(channel: String, payload: String) {
        self.channel = channel
        self.payload = payload
    }
}

extension PostgresConnection {
    /// Subscribes this connection to `channel`. The server delivers what is sent on it between
    /// this connection's transactions, each message once its sender's transaction committed.
    public func listen(_ channel: String) throws(PostgresError) {
        // An identifier, never caller input: letters, digits and underscores only.
        precondition(!channel.isEmpty && channel.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (48...57).contains($0) || (97...122).contains($0) },
                     "channel names are lower-case identifiers")
        try run("LISTEN \(channel)")
    }

    /// The notifications received so far, waiting up to `timeout` seconds for the server to send
    /// something when none has come yet. Throws when the connection is lost.
    public func notifications(waitingUpTo timeout: Double) throws(PostgresError) -> [PostgresNotification] {
        guard PQconsumeInput(connection) == 1, PQstatus(connection) == CONNECTION_OK else { throw lostConnection() }
        var received = takeNotifications()
        guard received.isEmpty, timeout > 0 else { return received }
        var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
        guard descriptor.fd >= 0 else { throw lostConnection() }
        let ready = poll(&descriptor, 1, Int32(timeout * 1000))
        if ready > 0 {
            guard PQconsumeInput(connection) == 1, PQstatus(connection) == CONNECTION_OK else { throw lostConnection() }
            received = takeNotifications()
        }
        return received
    }

    private func takeNotifications() -> [PostgresNotification] {
        var received: [PostgresNotification] = []
        while let notification = PQnotifies(connection) {
            received.append(PostgresNotification(
                channel: String(cString: notification.pointee.relname), payload: String(cString: notification.pointee.extra)))
            PQfreemem(notification)
        }
        return received
    }

    private func lostConnection() -> PostgresError {
        broken = true
        prepared.removeAll()
        return PostgresError(sqlState: nil, message: Self.firstLine(String(cString: PQerrorMessage(connection))), connectionLost: true)
    }
}
