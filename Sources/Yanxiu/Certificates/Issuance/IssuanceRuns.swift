import Locking

/// The topics whose issuance is running, so that a second run of the same topic is refused
/// rather than signing everything twice (the store would keep only one of each anyway).
public final class IssuanceRuns: Sendable {
    private let running = Locked(Set<String>())

    public init() {}

    /// Marks the topic as running; 409 `certificate.issuance_running` when it already is.
    func begin(_ topicId: String) throws {
        let started = running.withLock { $0.insert(topicId).inserted }
        guard started else { throw Self.running(topicId) }
    }

    /// 409 `certificate.issuance_running`: a run of the topic is going, here or on another daemon.
    static func running(_ topicId: String) -> DomainError {
        DomainError.conflict("certificate.issuance_running", "Certificates of \(topicId) are being issued already")
    }

    func end(_ topicId: String) {
        _ = running.withLock { $0.remove(topicId) }
    }
}
