/// The operations on reports and their counters.
public protocol ReportsStore {
}
