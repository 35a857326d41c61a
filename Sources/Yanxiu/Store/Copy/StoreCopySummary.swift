/// What a copy did: each table's rows and checksum as read from both engines.
public struct StoreCopySummary: Sendable {
    public struct Table: Sendable {
        public let name: String
        public let sourceRows: Int
        public let targetRows: Int
        /// SHA-256 (hex) over the table's rows in key order, values in canonical form.
        public let sourceChecksum: String
        public let targetChecksum: String

        public var matches: Bool { sourceRows == targetRows && sourceChecksum == targetChecksum }
    }

    /// In the order they were copied: parents before the tables that refer to them.
    public let tables: [Table]
    /// The server and database copied into (never the password).
    public let target: String
    public let seconds: Double

    public var rows: Int { tables.reduce(0) { $0 + $1.targetRows } }
}
