/// The result of evaluating one heartbeat.
public enum HeartbeatOutcome: Sendable, Hashable {
    case accepted(HeartbeatReceipt)
    case refused(HeartbeatRefusal)
    /// Step 4 failed: the caller answers -32602 with these fields.
    case invalid(InvalidProgressParams)

    /// The receipt of an accepted heartbeat.
    public var receipt: HeartbeatReceipt? {
        if case .accepted(let receipt) = self { receipt } else { nil }
    }
}

/// The pure form of an evaluation: the outcome and the state to store.
public struct HeartbeatEvaluation: Sendable, Hashable {
    public var outcome: HeartbeatOutcome
    public var tracker: PlaybackTracker
    public var progress: LessonProgress
}
