import CLibpq
import Foundation

/// One connection to a PostgreSQL server, used by one thread at a time.
///
/// Statements with parameters are prepared once per connection and kept by their SQL text, so the
/// heartbeat path's statements are parsed and planned once. The connection string is libpq's own
/// (key=value or URI: several hosts, `target_session_attrs`, TLS, `passfile`), read exactly as
/// `psql` reads it, including the `PG*` environment variables.
public final class PostgresConnection: @unchecked Sendable {
    let connection: OpaquePointer
    /// Prepared statements' names by their SQL text.
    var prepared: [String: String] = [:]
    private var preparedCount = 0
    /// Past this many prepared statements, further SQL texts run unprepared (built SQL must not grow the cache forever).
    let maxPrepared = 512
    /// Set when a pipeline failed half-way: the connection cannot be used again.
    var broken = false

    /// Connects, or throws the server's or libpq's reason in one line. `defaults` are libpq
    /// settings (`connect_timeout`, `application_name`) that `conninfo` may override.
    public init(_ conninfo: String, defaults: [String: String] = [:]) throws(PostgresError) {
        let keys = Array(defaults.keys) + ["dbname"]
        let values = keys.dropLast().map { defaults[$0]! } + [conninfo]
        let keywordPointers = keys.map { strdup($0) } + [nil]
        let valuePointers = values.map { strdup($0) } + [nil]
        defer {
            keywordPointers.forEach { free($0) }
            valuePointers.forEach { free($0) }
        }
        // expand_dbname: the last "dbname" is the whole connection string, whose settings win.
        let opened = keywordPointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { keywords in
            valuePointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
                PQconnectdbParams(keywords.baseAddress, values.baseAddress, 1)
            }
        }
        guard let connection = opened else {
            throw PostgresError(sqlState: nil, message: "out of memory", connectionLost: true)
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.firstLine(String(cString: PQerrorMessage(connection)))
            PQfinish(connection)
            throw PostgresError(sqlState: nil, message: message, connectionLost: true)
        }
        self.connection = connection
        // Notices (e.g. "extension already exists, skipping") would go to stderr otherwise.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    deinit { PQfinish(connection) }

    /// False once the connection is lost; a lost connection is replaced, not reused.
    public var isOpen: Bool { !broken && PQstatus(connection) == CONNECTION_OK }

    /// Whether the server is still there, asked without a round trip: whatever the server sent
    /// while the connection was idle (the notice of a shutdown, the end of the stream) is read
    /// first. A connection dropped while idle is noticed here, before any work is sent on it.
    public var isStillOpen: Bool {
        guard isOpen else { return false }
        let socket = PQsocket(connection)
        guard socket >= 0 else { return false }
        // A server that stops sends its reason first and closes after: one read may take the
        // message and leave the end of the stream for the next. Read while the socket has
        // something (the end of a stream always reads as something) and nothing is wrong yet.
        for _ in 0..<8 {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { break }
            guard PQconsumeInput(connection) == 1, PQstatus(connection) == CONNECTION_OK else { return false }
        }
        return PQstatus(connection) == CONNECTION_OK
    }

    /// Whether the server said it takes no writes: a standby (`in_hot_standby`), or a primary
    /// fenced by `default_transaction_read_only` (how an operator's tool demotes an old primary
    /// it cannot stop). Both are reported by the server as they change (PostgreSQL 14 and
    /// later), so this costs no round trip: it is as fresh as the last reply.
    public var isReadOnlyServer: Bool {
        parameter("in_hot_standby") == "on" || parameter("default_transaction_read_only") == "on"
    }

    /// A parameter the server reports to its clients (`server_version`, `in_hot_standby`, ...).
    public func parameter(_ name: String) -> String? {
        PQparameterStatus(connection, name).map { String(cString: $0) }
    }

    /// The server this connection reached (host or socket folder, and port), for logs and status.
    public var server: String {
        let host = PQhost(connection).map { String(cString: $0) } ?? "?"
        let port = PQport(connection).map { String(cString: $0) } ?? "?"
        return "\(host):\(port)"
    }

    /// The value of a libpq connection setting as this connection uses it (`tcp_user_timeout`,
    /// `application_name`, ...); nil when unset.
    public func setting(_ keyword: String) -> String? {
        guard let options = PQconninfo(connection) else { return nil }
        defer { PQconninfoFree(options) }
        var option = options
        while let name = option.pointee.keyword {
            if String(cString: name) == keyword { return option.pointee.val.map { String(cString: $0) } }
            option += 1
        }
        return nil
    }

    /// The database this connection uses.
    public var database: String { PQdb(connection).map { String(cString: $0) } ?? "" }

    /// Whether the session is in a transaction (open or failed).
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(connection)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Runs one statement with `$1`, `$2`, ... bound to `arguments`, and returns its rows.
    @discardableResult
    public func execute(_ sql: String, _ arguments: [any PostgresBindable] = []) throws(PostgresError) -> PostgresRows {
        let parameters = try Parameters(arguments.map(\.postgresValue))
        defer { parameters.release() }
        let result: OpaquePointer?
        if let name = try statementName(sql, count: parameters.count) {
            result = PQexecPrepared(connection, name, parameters.count, parameters.values, parameters.lengths, parameters.formats, 1)
        } else {
            result = PQexecParams(connection, sql, parameters.count, nil, parameters.values, parameters.lengths, parameters.formats, 1)
        }
        return try rows(result)
    }

    /// Runs SQL text without parameters, which may hold several statements (schema scripts,
    /// `BEGIN`, `COMMIT`). Results are discarded; the first error is thrown.
    public func run(_ script: String) throws(PostgresError) {
        let result = PQexec(connection, script)
        _ = try rows(result)
    }

    /// The prepared statement for `sql`, preparing it on first use; nil past the cache's bound.
    private func statementName(_ sql: String, count: Int32) throws(PostgresError) -> String? {
        if let name = prepared[sql] { return name }
        guard prepared.count < maxPrepared else { return nil }
        let name = nextStatementName()
        _ = try rows(PQprepare(connection, name, sql, count, nil))
        prepared[sql] = name
        return name
    }

    func nextStatementName() -> String {
        preparedCount += 1
        return "s\(preparedCount)"
    }

    func rows(_ result: OpaquePointer?) throws(PostgresError) -> PostgresRows {
        guard let result else { throw connectionError() }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresRows(result)
        default:
            let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            let message = primary ?? Self.firstLine(String(cString: PQresultErrorMessage(result)))
            PQclear(result)
            let lost = PQstatus(connection) != CONNECTION_OK
            if lost { prepared.removeAll() }
            throw PostgresError(sqlState: lost ? nil : sqlState, message: message, connectionLost: lost)
        }
    }

    /// The error a failed result carries, clearing it; nil for a result that succeeded.
    func failure(_ result: OpaquePointer) -> PostgresError? {
        do {
            _ = try rows(result)
            return nil
        } catch {
            return error
        }
    }

    func connectionError() -> PostgresError {
        let lost = PQstatus(connection) != CONNECTION_OK
        if lost { prepared.removeAll() }
        return PostgresError(sqlState: nil, message: Self.firstLine(String(cString: PQerrorMessage(connection))), connectionLost: lost)
    }

    static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
        return line.trimmingCharacters(in: .whitespaces)
    }
}

/// Parameter values in the C form libpq takes, owned until `release()`.
struct Parameters {
    let count: Int32
    let values: UnsafeMutablePointer<UnsafePointer<CChar>?>
    let lengths: UnsafeMutablePointer<Int32>
    let formats: UnsafeMutablePointer<Int32>

    init(_ parameters: [PostgresValue]) throws(PostgresError) {
        // PostgreSQL text cannot hold U+0000, and a C string would end there: refused whole,
        // never cut short.
        for case .text(let text) in parameters where text.utf8.contains(0) {
            throw PostgresError(sqlState: "22021", message: "text holds the character U+0000, which PostgreSQL cannot store",
                                connectionLost: false)
        }
        count = Int32(parameters.count)
        values = .allocate(capacity: max(parameters.count, 1))
        lengths = .allocate(capacity: max(parameters.count, 1))
        formats = .allocate(capacity: max(parameters.count, 1))
        for (index, value) in parameters.enumerated() {
            lengths[index] = 0
            formats[index] = 0
            switch value {
            case .null: values[index] = nil
            case .int(let number): values[index] = UnsafePointer(strdup(String(number)))
            case .double(let number): values[index] = UnsafePointer(strdup(Double.exact(number)))
            case .bool(let flag): values[index] = UnsafePointer(strdup(flag ? "t" : "f"))
            case .text(let text): values[index] = UnsafePointer(strdup(text))
            case .bytes(let bytes):
                let buffer = malloc(max(bytes.count, 1))!.assumingMemoryBound(to: CChar.self)
                bytes.withUnsafeBytes { raw in
                    if let base = raw.baseAddress { memcpy(buffer, base, bytes.count) }
                }
                values[index] = UnsafePointer(buffer)
                lengths[index] = Int32(bytes.count)
                formats[index] = 1
            }
        }
    }

    func release() {
        for index in 0..<Int(count) {
            if let value = values[index] { free(UnsafeMutablePointer(mutating: value)) }
        }
        values.deallocate()
        lengths.deallocate()
        formats.deallocate()
    }
}
