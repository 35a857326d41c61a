import GRDB

extension SQLiteStore {
    /// Writes `work` and commits whatever it did even when its answer is a refusal, then throws the refusal.
    ///
    /// A wrong SMS code or password must still count its attempt and leave its audit line:
    /// throwing inside the unit would roll those back with everything else.
    public func writeDatabaseKeeping<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> Result<T, DomainError>) async throws -> T {
        try await writeDatabase(work).get()
    }
}
