/// The watching rules of one lesson, taken from its topic.
public struct LessonRules: Sendable, Hashable {
    /// Browsers cannot play faster than 16×: a forward move within that is `too_fast`, beyond it a `seek`.
    public static let browserMaxRate: Int64 = 16
    /// The highest `maxPlaybackRate` a topic may set.
    public static let maxAllowedPlaybackRate = 2.0

    public let durationMs: Int64
    public let quizAtMs: Int64
    public let maxPlaybackRate: Double
    /// `maxPlaybackRate` in thousandths, so the budget is computed in integers.
    public let maxRatePermille: Int64
    public let jitterAllowanceMs: Int64
    public let spanCapMs: Int64
    public let heartbeatIntervalMs: Int64
    /// How much of `[quizAt, duration)` may stay unwatched: the topic's tolerance, at most 2 % of that span.
    public let endToleranceMs: Int64

    /// Builds the rules, refusing values no topic may have; field names are the parameter names.
    public init(
        durationMs: Int64,
        quizAtMs: Int64,
        maxPlaybackRate: Double = 1.0,
        endToleranceSeconds: Double = 3,
        jitterAllowanceMs: Int64 = 5_000,
        spanCapMs: Int64 = 300_000,
        heartbeatIntervalMs: Int64 = 10_000
    ) throws(InvalidProgressParams) {
        var bad: [InvalidProgressParams.Field] = []
        func check(_ ok: Bool, _ field: String) {
            if !ok { bad.append(.init(field: field, reason: "out_of_range")) }
        }
        check(durationMs > 0, "durationMs")
        check(quizAtMs >= 0 && quizAtMs <= durationMs, "quizAtMs")
        check(maxPlaybackRate.isFinite && maxPlaybackRate > 0
              && maxPlaybackRate <= Self.maxAllowedPlaybackRate, "maxPlaybackRate")
        check(endToleranceSeconds.isFinite && endToleranceSeconds >= 0
              && endToleranceSeconds < 1e9, "endToleranceSeconds")
        check(jitterAllowanceMs >= 0 && jitterAllowanceMs <= 3_600_000, "jitterAllowanceMs")
        check(spanCapMs > 0, "spanCapMs")
        check(heartbeatIntervalMs > 0, "heartbeatIntervalMs")
        guard bad.isEmpty else { throw InvalidProgressParams(fields: bad) }

        self.durationMs = durationMs
        self.quizAtMs = quizAtMs
        self.maxPlaybackRate = maxPlaybackRate
        self.maxRatePermille = Int64((maxPlaybackRate * 1000).rounded())
        self.jitterAllowanceMs = jitterAllowanceMs
        self.spanCapMs = spanCapMs
        self.heartbeatIntervalMs = heartbeatIntervalMs
        // Floor of 2 %: "never more than" must hold after rounding.
        let twoPercent = (durationMs - quizAtMs) * 2 / 100
        self.endToleranceMs = min(Int64((endToleranceSeconds * 1000).rounded()), twoPercent)
    }

    /// The part of the video before the quiz point.
    public var beforeQuizRange: Range<Int64> { 0..<quizAtMs }
    /// The rest of the video after the quiz point, which must be watched after passing.
    public var afterQuizRange: Range<Int64> { quizAtMs..<durationMs }

    /// A playback heard from this recently with state playing is still playing.
    public var stillPlayingWindowMs: Int64 { 2 * heartbeatIntervalMs }
}
