import CoreMetrics
import Prometheus
import Yanxiu

/// The daemon's Prometheus registry, installed as the swift-metrics backend.
///
/// swift-metrics allows one bootstrap per process, so the registry is a lazily created
/// static: the first daemon of a process installs it and later ones share it. Instruments
/// made before the bootstrap stay no-ops, which is why `Daemon.run` touches `shared` before
/// it opens the store.
final class DaemonMetrics: Sendable {
    static let shared = DaemonMetrics()

    let registry = PrometheusCollectorRegistry()

    private init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [
            MetricNames.rpcDuration: MetricNames.rpcBuckets,
            WriterMetrics.commitDurationLabel: MetricNames.commitBuckets,
        ]
        factory.valueHistogramBuckets = [WriterMetrics.batchSizeLabel: MetricNames.batchBuckets]
        MetricsSystem.bootstrap(factory)
    }

    /// The Prometheus text exposition (format 0.0.4), families sorted by name, with `# HELP` lines added.
    func exposition() -> String {
        var families: [(name: Substring, lines: [Substring])] = []
        for line in registry.emitToString().split(separator: "\n") {
            if line.hasPrefix("# TYPE ") {
                let name = line.dropFirst(7).prefix { $0 != " " }
                families.append((name, []))
                if let help = MetricNames.help[String(name)] { families[families.count - 1].lines.append("# HELP \(name) \(help)") }
            }
            guard !families.isEmpty else { continue }
            families[families.count - 1].lines.append(line)
        }
        return families.sorted { $0.name < $1.name }.flatMap(\.lines).joined(separator: "\n") + "\n"
    }
}
