/// How a simulated viewer watches: honestly, or trying one of the known cheats.
public enum ViewerBehaviour: String, Sendable, CaseIterable {
    /// Plays each lesson through, answers the quiz when the video stops for it, watches the rest.
    case honest
    /// Plays a little, then drags the bar to the end.
    case seeksToEnd
    /// Plays at double speed, faster than the topic allows.
    case tooFast
    /// Plays a second lesson in another tab at the same time.
    case twoAtOnce
    /// Sends every heartbeat twice, like a flaky network retrying.
    case replays
    /// Never answers the quiz and plays on past it.
    case skipsQuiz

    /// Whether the daemon should let this viewer complete lessons.
    public var completesLessons: Bool { self == .honest || self == .twoAtOnce || self == .replays }
}
