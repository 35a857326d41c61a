/// What the operations methods read besides the store: the metrics registry, the heartbeat
/// counters and the live connections.
struct Instruments: Sendable {
    let metrics: DaemonMetrics
    let heartbeats: HeartbeatMetrics
    let connections: ConnectionRegistry
}
