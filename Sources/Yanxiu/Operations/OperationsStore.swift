/// The operations on the daemon's own records: metadata and the backup log.
public protocol OperationsStore {
}
