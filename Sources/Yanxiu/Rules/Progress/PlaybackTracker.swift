/// The hot playback state of one account: the current playback of each lesson, the
/// playbacks it replaced, and which lesson is playing. Persisted per account.
public struct PlaybackTracker: Sendable, Hashable, Codable {
    /// How many replaced playback ids are remembered per lesson, to answer `superseded`.
    public static let retiredLimit = 16

    /// The latest accepted heartbeat of one playback.
    public struct Playback: Sendable, Hashable, Codable {
        public var playbackId: String
        public var lastSeq: Int64
        public var lastPositionMs: Int64
        public var lastState: PlaybackState
        public var lastHeardAt: Int64

        public init(playbackId: String, lastSeq: Int64, lastPositionMs: Int64,
                    lastState: PlaybackState, lastHeardAt: Int64) {
            self.playbackId = playbackId
            self.lastSeq = lastSeq
            self.lastPositionMs = lastPositionMs
            self.lastState = lastState
            self.lastHeardAt = lastHeardAt
        }
    }

    /// The playbacks of one lesson.
    public struct LessonPlaybacks: Sendable, Hashable, Codable {
        public var lessonId: String
        public var current: Playback
        /// Replaced playback ids, oldest first, at most `retiredLimit`.
        public var retired: [String]

        public init(lessonId: String, current: Playback, retired: [String] = []) {
            self.lessonId = lessonId
            self.current = current
            self.retired = retired
        }
    }

    /// One entry per lesson the account has played (an account plays a few dozen at most,
    /// so a linear scan beats hashing here).
    public var lessons: [LessonPlaybacks]
    /// The lesson whose current playback sent the account's latest accepted heartbeat,
    /// if that heartbeat said playing. Only this lesson's playback earns watch time.
    public var playingLessonId: String?

    public init() {
        lessons = []
        playingLessonId = nil
    }

    /// Index of the lesson's entry in `lessons`.
    public func index(ofLesson lessonId: String) -> Int? {
        lessons.firstIndex { $0.lessonId == lessonId }
    }

    /// The current playback of a lesson.
    public func currentPlayback(ofLesson lessonId: String) -> Playback? {
        index(ofLesson: lessonId).map { lessons[$0].current }
    }

    /// Another lesson whose playback is still playing at `now`: it said playing in the
    /// account's latest heartbeat and was heard within `windowMs`.
    public func concurrentLesson(for lessonId: String, now: Int64, windowMs: Int64) -> String? {
        guard let playing = playingLessonId, playing != lessonId,
              let i = index(ofLesson: playing)
        else { return nil }
        let current = lessons[i].current
        guard current.lastState == .playing, now &- current.lastHeardAt <= windowMs else { return nil }
        return playing
    }

    /// Makes `playback` the lesson's current playback, retiring the one it replaces.
    mutating func start(_ playback: Playback, lessonId: String) {
        guard let i = index(ofLesson: lessonId) else {
            lessons.append(LessonPlaybacks(lessonId: lessonId, current: playback))
            return
        }
        if lessons[i].retired.count >= Self.retiredLimit {
            lessons[i].retired.removeFirst(lessons[i].retired.count - Self.retiredLimit + 1)
        }
        lessons[i].retired.append(lessons[i].current.playbackId)
        lessons[i].current = playback
    }
}
