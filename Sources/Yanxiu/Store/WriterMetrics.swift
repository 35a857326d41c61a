import CoreMetrics

/// The group-commit writer's swift-metrics instruments: how many units each commit carried and how long it took.
///
/// Created once per writer, so a commit pays for two histogram observations and no look-ups.
/// Without a metrics backend (tests, the benchmark's seeding) they are no-ops.
public struct WriterMetrics: Sendable {
    public static let batchSizeLabel = "yanxiu_store_commit_batch_size"
    public static let commitDurationLabel = "yanxiu_store_commit_duration_seconds"

    let batchSize = Recorder(label: WriterMetrics.batchSizeLabel, aggregate: true)
    let commitDuration = CoreMetrics.Timer(label: WriterMetrics.commitDurationLabel)

    func record(units: Int, nanoseconds: UInt64) {
        batchSize.record(units)
        commitDuration.recordNanoseconds(Int64(clamping: nanoseconds))
    }
}
