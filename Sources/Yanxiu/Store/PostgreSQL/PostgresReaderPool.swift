import Dispatch
import Locking
import Postgres

/// Connections for read transactions: up to `size` at once, each used by one caller at a time,
/// made when first needed and again after one is lost.
final class PostgresReaderPool: Sendable {
    private let connector: PostgresConnector
    private let idle = Locked<[PostgresConnection]>([])
    private let slots: DispatchSemaphore

    init(connector: PostgresConnector, size: Int) {
        self.connector = connector
        slots = DispatchSemaphore(value: size)
    }

    /// Runs `work` in a read-only transaction that sees one committed state.
    func read<T>(_ work: (PostgresDatabase) throws -> T) throws -> T {
        slots.wait()
        defer { slots.signal() }
        // An idle connection the server dropped meanwhile (a restart, a failover) is noticed
        // before anything is sent on it, and a fresh one takes its place.
        let pooled = idle.withLock { $0.popLast() }
        let connection = try pooled.flatMap { $0.isStillOpen ? $0 : nil } ?? connector.connect()
        do {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            let value = try work(PostgresDatabase(connection: connection, batch: nil))
            try connection.execute("COMMIT")
            keep(connection)
            return value
        } catch {
            if connection.isOpen {
                try? connection.run("ROLLBACK")
                keep(connection)
            }
            throw error
        }
    }

    /// Returns a connection to the pool, unless its server turned read-only (a fenced old
    /// primary, which no longer sees what the new one commits): the next read connects anew.
    private func keep(_ connection: PostgresConnection) {
        guard !connection.isReadOnlyServer else { return }
        idle.withLock { $0.append(connection) }
    }
}
