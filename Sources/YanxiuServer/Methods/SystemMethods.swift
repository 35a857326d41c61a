import Dispatch
import JSONRPC
import Logging
import Systemd
import Yanxiu

/// `rpc.discover`, `system.ping`, `system.info` and `system.setLogLevel`.
struct SystemMethods {
    let app: AppContext

    /// The methods; `discover` is given the finished table so the document describes everything served.
    func descriptors(discover: @escaping @Sendable () -> JSONValue) -> [MethodDescriptor] {
        let app = self.app
        return [
            MethodDescriptor(
                "rpc.discover", "The OpenRPC document of every method this daemon serves.", access: .anyone,
                result: "an OpenRPC 1.2 document"
            ) { _ in discover() },
            MethodDescriptor(
                "system.ping", "Answers pong; proves the daemon is serving. `delayMs` (at most 10000) delays the answer, to test clients' timeouts.",
                access: .anyone, params: [.integer("delayMs", required: false, "milliseconds to wait before answering", minimum: 0)],
                result: "{pong, now}"
            ) { call in
                if let delay = call.params.int64("delayMs") {
                    guard delay <= 10_000 else { throw RPCError.invalidParams(field: "delayMs", reason: "too_large") }
                    try? await Task.sleep(for: .milliseconds(delay))
                }
                return ["pong": true, "now": .string(Timestamp.format(app.clock.nowMs))]
            },
            MethodDescriptor(
                "system.info", "Version, uptime, schema version, server time and the support contact.", access: .anyone,
                result: "{version, uptimeSeconds, schemaVersion, serverTime, supportContact, testClock}"
            ) { _ in
                let uptime = Double(DispatchTime.now().uptimeNanoseconds - app.startedAt.uptimeNanoseconds) / 1e9
                return [
                    "name": "yanxiud",
                    "version": .string(AppContext.version),
                    "uptimeSeconds": .double((uptime * 1000).rounded() / 1000),
                    "schemaVersion": .int(try app.store.schemaVersion()),
                    "serverTime": .string(Timestamp.format(app.clock.nowMs)),
                    "serverTimeCST": .string(Timestamp.formatCST(app.clock.nowMs)),
                    "supportContact": .string(app.configuration.supportContact),
                    "testClock": .bool(app.testClock != nil),
                    "store": app.store.writerStatistics.json(queueDepth: app.store.writerQueueDepth, engine: app.store.engine),
                    "heartbeatLanes": .array(app.heartbeats.queueDepths.map { .int($0) }),
                ]
            },
            MethodDescriptor(
                "system.setLogLevel", "Changes the log level at run time.", access: .operator,
                params: [.string("level", "trace, debug, info, notice, warning, error or critical", oneOf: Logger.Level.allCases.map(\.rawValue))],
                result: "{previous, level}"
            ) { call in
                let level = Logger.Level(rawValue: try call.params.require("level"))!
                let previous = app.logLevel.level
                app.logLevel.level = level
                app.logger.notice("log level changed", metadata: ["log.previous": "\(previous)", "log.level": "\(level)", "peer.uid": "\(call.peer.uid)"])
                return ["previous": .string(previous.rawValue), "level": .string(level.rawValue)]
            },
        ]
    }
}
