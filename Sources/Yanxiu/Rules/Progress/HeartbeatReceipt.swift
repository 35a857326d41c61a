/// The reply to an accepted heartbeat: the lesson's state after it.
public struct HeartbeatReceipt: Sendable, Hashable {
    public var verdict: HeartbeatVerdict
    /// Coverage newly added by this heartbeat (before and after the quiz point).
    public var creditedMs: Int64
    /// Playback time this heartbeat added to the study time.
    public var studiedMs: Int64
    public var coverageBeforeQuizMs: Int64
    public var coverageAfterQuizMs: Int64
    public var quizReached: Bool
    public var quizPassed: Bool
    /// Stays true on every later heartbeat.
    public var completed: Bool
    /// True only on the heartbeat that completed the lesson.
    public var newlyCompleted: Bool
}
