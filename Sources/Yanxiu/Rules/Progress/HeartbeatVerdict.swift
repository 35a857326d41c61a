/// What the server decided about a heartbeat it accepted (the reply's `verdict`).
public enum HeartbeatVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The span fit the budget; `creditedMs` says how much of it was new coverage.
    case credited
    /// First heartbeat of a playback: it only sets the position.
    case start
    /// The previous heartbeat of this playback was not playing (paused, ended, or another
    /// lesson was heard since), so no time was watched in between.
    case paused
    /// A forward jump no player could make by playing, even at 16×.
    case seek
    /// A backward move.
    case rewind
    /// A forward move beyond the watch-time budget that faster playback could explain.
    case tooFast = "too_fast"
    /// `seq` not above the last one of this playback: acknowledged, nothing changed.
    case duplicate
    /// Watched, but only after the quiz point before the quiz was passed.
    case afterQuizBeforePass = "after_quiz_before_pass"
}
