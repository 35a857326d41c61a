import CoreMetrics
import Dispatch
import JSONRPC
import Yanxiu

/// One reading of the daemon's state, shared by `system.status` and the gauges of `system.metrics`.
struct DaemonStatus {
    var uptimeSeconds: Double
    var schemaVersion: Int
    var now: Int64
    var openConnections: Int
    var acceptedConnections: Int
    var refusedConnections: Int
    var laneDepths: [Int]
    var writer: WriterStatistics
    var engine: String
    var location: String
    var latestSchemaVersion: Int
    var writerQueueDepth: Int
    var lastBackup: BackupSummary?
    var testClock: Bool
    /// The database server (PostgreSQL); nil on SQLite.
    var server: DatabaseServer?

    static func read(_ app: AppContext, _ instruments: Instruments) async throws -> DaemonStatus {
        let stored = try await app.store.read { tx in try StoreStatus.read(tx) }
        let totals = instruments.connections.totals
        return DaemonStatus(
            uptimeSeconds: Double(DispatchTime.now().uptimeNanoseconds - app.startedAt.uptimeNanoseconds) / 1e9,
            schemaVersion: stored.schemaVersion, now: app.clock.nowMs, openConnections: instruments.connections.count,
            acceptedConnections: totals.accepted, refusedConnections: totals.refused,
            laneDepths: app.heartbeats.queueDepths, writer: app.store.writerStatistics,
            engine: app.store.engine, location: app.store.location, latestSchemaVersion: app.store.latestSchemaVersion,
            writerQueueDepth: app.store.writerQueueDepth,
            lastBackup: stored.lastBackup, testClock: app.testClock != nil, server: stored.server)
    }

    /// Sets the gauges that are read rather than counted, just before an exposition.
    func updateGauges() {
        for (lane, depth) in laneDepths.enumerated() {
            Gauge(label: MetricNames.laneQueueDepth, dimensions: [("lane", String(lane))]).record(depth)
        }
        Gauge(label: MetricNames.writerQueueDepth).record(writerQueueDepth)
        Gauge(label: MetricNames.uptime).record(uptimeSeconds.rounded())
        Gauge(label: MetricNames.lastBackup).record(Double(lastBackup?.at ?? 0) / 1000)
        // SQLite's file takes writes as a primary does.
        Gauge(label: MetricNames.storePrimary).record(server?.primary == false ? 0 : 1)
    }

    /// The writer's figures, and on PostgreSQL the server and whether it is the primary.
    private var storeJSON: JSONValue {
        guard case .object(var store) = writer.json(queueDepth: writerQueueDepth, engine: engine, location: location) else { return .null }
        if let server {
            store["server"] = .string(server.address)
            store["primary"] = .bool(server.primary)
        }
        return .object(store)
    }

    var json: JSONValue {
        [
            "name": "yanxiud",
            "version": .string(AppContext.version),
            "uptimeSeconds": .double((uptimeSeconds * 10).rounded() / 10),
            "schemaVersion": .int(schemaVersion),
            "latestSchemaVersion": .int(latestSchemaVersion),
            "serverTime": .string(Timestamp.format(now)),
            "testClock": .bool(testClock),
            "connections": ["open": .int(openConnections), "accepted": .int(acceptedConnections), "refused": .int(refusedConnections)],
            "heartbeatLanes": ["depths": .array(laneDepths.map { .int($0) }), "waiting": .int(laneDepths.reduce(0, +))],
            "store": storeJSON,
            "lastBackup": lastBackup.map(BackupMethods.json) ?? .null,
        ]
    }
}
