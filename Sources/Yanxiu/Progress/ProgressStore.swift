/// The operations on study progress: lesson coverage, quiz state and the heartbeat journal.
public protocol ProgressStore {
}
