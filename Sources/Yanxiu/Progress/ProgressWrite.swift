import Foundation

/// What one accepted heartbeat or quiz submission commits: the lesson's progress, the
/// playback state when it changed, and the journal entry of a heartbeat.
public struct ProgressWrite: Sendable {
    public let accountID: Int64
    public let lessonId: String
    public let topicId: String
    public let now: Int64
    /// `StateCodec` form of `progress`, encoded on the lane.
    public let progressState: Data
    public let progress: LessonProgress
    /// The account's playback state (`StateCodec` form), when it changed.
    public let trackerState: Data?
    public let journal: HeartbeatJournal.Entry?
}
