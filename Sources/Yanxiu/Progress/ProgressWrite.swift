import Foundation

/// What one accepted heartbeat or quiz submission commits: the lesson's progress, the
/// playback state when it changed, and the journal entry of a heartbeat.
///
/// A write is versioned: it names the stamp of the account's progress it was judged on (`basis`)
/// and brings its own (`stamp`). It commits only if the account's last committed write is still
/// `basis`; otherwise nothing of it is written and the store throws `StoreError.stale`. The lanes
/// chain writes in flight (the next write of an account is judged on the previous one's stamp),
/// and since stamps are random, a daemon never mistakes another daemon's write for its own.
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
    /// The stamp of the write the judgement stood on; 0 when the account's progress was never written.
    public let basis: Int64
    /// This write's stamp: random, never 0, and what the account's next write is judged on.
    public let stamp: Int64
}

/// The account's stored playback state and the version of its progress.
public struct StoredPlaybackState: Sendable, Equatable {
    /// `StateCodec` form of `PlaybackTracker`.
    public let state: Data
    /// How many writes changed the account's progress.
    public let version: Int64
    /// The stamp of the last of them (0 when none was versioned).
    public let writer: Int64

    public init(state: Data, version: Int64, writer: Int64) {
        self.state = state
        self.version = version
        self.writer = writer
    }
}
