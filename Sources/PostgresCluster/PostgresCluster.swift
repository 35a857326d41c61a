import Foundation

/// A throwaway PostgreSQL cluster in a folder of its own, for tests and benchmarks.
public final class PostgresCluster: @unchecked Sendable {}
