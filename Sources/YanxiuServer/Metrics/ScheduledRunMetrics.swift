import CoreMetrics
import Yanxiu

/// Counts the runs of scheduled jobs: those this daemon ran, and those it left to another daemon
/// on the same database.
enum ScheduledRunMetrics {
    static func count(_ job: ScheduledJob, ran: Bool) {
        // Hourly at most: the registry hands back the same counter for the same labels.
        Counter(label: MetricNames.scheduledRuns, dimensions: [("job", job.rawValue), ("outcome", ran ? "ran" : "skipped")]).increment()
    }
}
