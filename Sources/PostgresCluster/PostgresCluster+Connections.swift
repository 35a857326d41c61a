import Foundation

extension PostgresCluster {
    /// A libpq connection string for `database` as the superuser, over the Unix socket (or over
    /// TCP when asked and the cluster listens there), without the password.
    public func conninfo(database: String, tcp: Bool = false) -> String {
        let host = tcp ? (tcpAddress ?? "127.0.0.1") : socketDirectory
        return [
            ("host", host), ("port", String(port)), ("user", Self.superuser), ("dbname", database),
        ].map { "\($0)=\(Self.quoted($1))" }.joined(separator: " ")
    }

    /// The same connection string with `password=` in it, for a test that means to send one.
    public func conninfo(database: String, password: String, tcp: Bool = false) -> String {
        conninfo(database: database, tcp: tcp) + " password=" + Self.quoted(password)
    }

    /// Creates an empty database owned by the superuser.
    public func createDatabase(_ name: String) throws {
        let identifier = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        _ = try psql("CREATE DATABASE \(identifier)", database: "postgres")
    }

    /// Runs SQL through psql in `database` (stopping at the first error) and returns what it
    /// printed: unaligned rows, one a line, columns separated by `|`.
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        try psql(sql, conninfo: conninfo(database: database), password: password)
    }

    /// Runs SQL through psql on any connection string, with `password` given as libpq's
    /// PGPASSWORD (never on a command line).
    public func psql(_ sql: String, conninfo: String, password: String?) throws -> String {
        let script = folder + "/psql-\(UUID().uuidString).sql"
        try sql.write(toFile: script, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let result = try command.run(
            binaries.path("psql"),
            ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-f", script],
            environment: password.map { ["PGPASSWORD": $0] } ?? [:]
        )
        guard result.succeeded else {
            throw PostgresClusterError("psql failed (status \(result.status))", output: result.errorOutput)
        }
        return result.output.hasSuffix("\n") ? String(result.output.dropLast()) : result.output
    }

    /// A value for a libpq connection string: bare when it can be, else quoted.
    static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains { $0 == " " || $0 == "'" || $0 == "\\" || $0 == "=" }
        if plain { return value }
        return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
