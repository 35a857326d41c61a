import Postgres

extension StoreError {
    /// Maps "the server cannot take this now" (connection lost or refused, server shutting down,
    /// a standby refusing writes) to `unavailable`; other PostgreSQL errors pass through.
    static func classifyPostgres(_ error: PostgresError) -> any Error {
        error.isUnavailability ? StoreError.unavailable(error.message) : error
    }
}
