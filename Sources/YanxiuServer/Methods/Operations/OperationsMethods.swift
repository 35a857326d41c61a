import CoreMetrics
import Dispatch
import JSONRPC
import Yanxiu

/// `system.metrics` and `system.status`: what an operator watches.
struct OperationsMethods {
    let app: AppContext
    let instruments: Instruments

    func descriptors() -> [MethodDescriptor] {
        let app = self.app
        let instruments = self.instruments
        return [
            MethodDescriptor(
                "system.metrics", "The daemon's metrics in the Prometheus text exposition format (version 0.0.4).", access: .operator,
                result: "{contentType, text}"
            ) { _ in
                let status = try await DaemonStatus.read(app, instruments)
                status.updateGauges()
                return ["contentType": "text/plain; version=0.0.4", "text": .string(instruments.metrics.exposition())]
            },
            MethodDescriptor(
                "system.status", "Version, uptime, schema version, connections, queue depths and the last backup, in one answer.",
                access: .operator,
                result: "{version, uptimeSeconds, schemaVersion, serverTime, testClock, connections, heartbeatLanes, store, lastBackup}"
            ) { _ in
                try await DaemonStatus.read(app, instruments).json
            },
        ]
    }
}
