import Foundation
import Postgres
import PostgresCluster
import Testing

/// LISTEN/NOTIFY through the client: delivery at commit, nothing on rollback, a lost connection seen.
@Suite("Postgres client: notifications")
struct PostgresNotificationTests {
    private func connection() throws -> PostgresConnection {
        try PostgresConnection(PostgresConnectionTests.cluster.get().conninfo(database: "postgres"))
    }

    @Test("a notification reaches the listener when its sender commits, and never when it rolls back")
    func deliveredAtCommit() throws {
        let (listener, sender) = (try connection(), try connection())
        try listener.listen("test_channel")
        try sender.run("BEGIN")
        try sender.execute("SELECT pg_notify('test_channel', $1)", ["kept"])
        #expect(try listener.notifications(waitingUpTo: 0.2).isEmpty)
        try sender.run("COMMIT")
        try sender.run("BEGIN")
        try sender.execute("SELECT pg_notify('test_channel', $1)", ["dropped"])
        try sender.run("ROLLBACK")
        try sender.execute("SELECT pg_notify('other_channel', $1)", ["elsewhere"])
        var received: [PostgresNotification] = []
        for _ in 0..<10 { received += try listener.notifications(waitingUpTo: 0.05) }
        #expect(received == [PostgresNotification(channel: "test_channel", payload: "kept")])
    }

    @Test("a listener whose session the server ended throws a lost connection")
    func lostConnection() throws {
        let (listener, admin) = (try connection(), try connection())
        try listener.listen("test_channel")
        let pid: Int64 = try listener.execute("SELECT pg_backend_pid()::bigint")[0][0]
        try admin.execute("SELECT pg_terminate_backend($1::integer)", [pid])
        var lost: PostgresError?
        for _ in 0..<20 where lost == nil {
            do {
                _ = try listener.notifications(waitingUpTo: 0.1)
            } catch {
                lost = error
            }
        }
        #expect(lost?.connectionLost == true)
        #expect(!listener.isOpen)
    }
}
