import GRDB
import Postgres

extension StoreError {
    /// Maps either engine's "cannot write now" conditions to `unavailable`; other errors pass through.
    public static func classify(_ error: any Error) -> any Error {
        if let postgresError = error as? PostgresError { return classifyPostgres(postgresError) }
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        // SQLITE_ABORT: SQLite rolled the writer's transaction back after one of the others,
        // so nothing of it was kept.
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_NOMEM, .SQLITE_ABORT:
            return StoreError.unavailable(dbError.message ?? "\(dbError.resultCode)")
        default:
            return error
        }
    }
}
