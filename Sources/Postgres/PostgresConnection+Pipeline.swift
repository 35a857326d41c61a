import CLibpq

/// One statement of a pipeline: SQL with `$1`, `$2`, ... and the values bound to them.
public struct PostgresStatement {
    public let sql: String
    public let arguments: [any PostgresBindable]

    public init(_ sql: String, _ arguments: [any PostgresBindable] = []) {
        self.sql = sql
        self.arguments = arguments
    }
}

extension PostgresConnection {
    /// Sends every statement at once and reads their results after: one round trip to the server
    /// however many statements (libpq's pipeline mode). Statements not prepared yet are prepared
    /// in the same round trip.
    ///
    /// The statements run in order, as `execute` would run them. When one fails, the server skips
    /// the rest, and that first failure is thrown. Meant for statements with small results (writes,
    /// `BEGIN`, `COMMIT`): everything is sent before anything is read.
    @discardableResult
    public func pipeline(_ statements: [PostgresStatement]) throws(PostgresError) -> [PostgresRows] {
        guard !statements.isEmpty else { return [] }
        // Every parameter is checked before anything is sent.
        var parameters: [Parameters] = []
        defer { parameters.forEach { $0.release() } }
        for statement in statements {
            parameters.append(try Parameters(statement.arguments.map(\.postgresValue)))
        }
        guard PQenterPipelineMode(connection) == 1 else { throw connectionError() }
        var expected: [Expected] = []
        var sendFailed = false
        for (statement, bound) in zip(statements, parameters) {
            if !send(statement.sql, bound, expecting: &expected) {
                sendFailed = true
                break
            }
        }
        if sendFailed || PQpipelineSync(connection) != 1 {
            let error = connectionError()
            abandonPipeline()
            throw error
        }
        return try collect(expected)
    }

    private enum Expected {
        case prepare(sql: String, name: String)
        case statement
    }

    /// Queues one statement (and its preparation, the first time); false when libpq could not.
    private func send(_ sql: String, _ bound: Parameters, expecting expected: inout [Expected]) -> Bool {
        var name = prepared[sql]
        if name == nil, prepared.count + expected.count < maxPrepared {
            let fresh = nextStatementName()
            guard PQsendPrepare(connection, fresh, sql, bound.count, nil) == 1 else { return false }
            expected.append(.prepare(sql: sql, name: fresh))
            name = fresh
        }
        let sent = if let name {
            PQsendQueryPrepared(connection, name, bound.count, bound.values, bound.lengths, bound.formats, 1)
        } else {
            PQsendQueryParams(connection, sql, bound.count, nil, bound.values, bound.lengths, bound.formats, 1)
        }
        guard sent == 1 else { return false }
        expected.append(.statement)
        return true
    }

    /// Reads each queued command's result, then the end of the pipeline, and leaves pipeline mode.
    private func collect(_ expected: [Expected]) throws(PostgresError) -> [PostgresRows] {
        var results: [PostgresRows] = []
        var firstFailure: PostgresError?
        for command in expected {
            guard let result = nextResult() else {
                let error = connectionError()
                abandonPipeline()
                throw error
            }
            let status = PQresultStatus(result)
            if status == PGRES_PIPELINE_ABORTED {
                PQclear(result)
                continue
            }
            switch command {
            case .prepare(let sql, let name):
                if let error = failure(result) { firstFailure = firstFailure ?? error } else { prepared[sql] = name }
            case .statement:
                if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY {
                    results.append(PostgresRows(result))
                } else if let error = failure(result) {
                    firstFailure = firstFailure ?? error
                }
            }
        }
        // The sync point's own result ends the pipeline.
        guard let sync = PQgetResult(connection) else {
            let error = connectionError()
            abandonPipeline()
            throw error
        }
        PQclear(sync)
        PQexitPipelineMode(connection)
        if let firstFailure { throw firstFailure }
        return results
    }

    /// One command's result, after which libpq returns nil before the next command's.
    private func nextResult() -> OpaquePointer? {
        guard let result = PQgetResult(connection) else { return nil }
        while let extra = PQgetResult(connection) { PQclear(extra) }
        return result
    }

    /// After a failure of the connection itself: nothing more can be read. The connection
    /// reports itself closed from now on, so that it is replaced, never reused half-way through
    /// a pipeline.
    private func abandonPipeline() {
        prepared.removeAll()
        broken = true
    }
}
