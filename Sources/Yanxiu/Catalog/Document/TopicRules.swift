/// The credit rules of a topic, as stored in `topic.rules` and read by the progress code.
///
/// Every field has the programme's default, so a document may leave out any of them
/// and rows written by older builds still decode. The heartbeat interval and jitter
/// allowance are daemon settings (`ProgressSettings`), not per-topic rules.
public struct TopicRules: Sendable, Hashable, Codable {
    /// Completed lessons a verified role needs before hours are recognised.
    public struct MinLessons: Sendable, Hashable, Codable {
        public var mentalHealthTeacher: Int
        public var homeroomTeacher: Int

        public init(mentalHealthTeacher: Int = 15, homeroomTeacher: Int = 10) {
            self.mentalHealthTeacher = mentalHealthTeacher
            self.homeroomTeacher = homeroomTeacher
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = MinLessons()
            mentalHealthTeacher = try c.decodeIfPresent(Int.self, forKey: .mentalHealthTeacher) ?? defaults.mentalHealthTeacher
            homeroomTeacher = try c.decodeIfPresent(Int.self, forKey: .homeroomTeacher) ?? defaults.homeroomTeacher
        }
    }

    public var minLessons: MinLessons
    /// Recognised hours never exceed this.
    public var maxRecognisedHours: Int
    /// Watch time may accrue at most this much faster than daemon time (1.0 ... 2.0).
    public var maxPlaybackRate: Double
    /// How much of the span after the quiz may stay unwatched (also capped at 2% of that span).
    public var endToleranceSeconds: Double

    public static let `default` = TopicRules()

    /// The bounds a document's rules are checked against.
    public static let playbackRateRange: ClosedRange<Double> = 1.0...2.0
    public static let endToleranceRange: ClosedRange<Double> = 0...60

    public init(
        minLessons: MinLessons = MinLessons(), maxRecognisedHours: Int = 20, maxPlaybackRate: Double = 1.0,
        endToleranceSeconds: Double = 3
    ) {
        self.minLessons = minLessons
        self.maxRecognisedHours = maxRecognisedHours
        self.maxPlaybackRate = maxPlaybackRate
        self.endToleranceSeconds = endToleranceSeconds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TopicRules.default
        minLessons = try c.decodeIfPresent(MinLessons.self, forKey: .minLessons) ?? d.minLessons
        maxRecognisedHours = try c.decodeIfPresent(Int.self, forKey: .maxRecognisedHours) ?? d.maxRecognisedHours
        maxPlaybackRate = try c.decodeIfPresent(Double.self, forKey: .maxPlaybackRate) ?? d.maxPlaybackRate
        endToleranceSeconds = try c.decodeIfPresent(Double.self, forKey: .endToleranceSeconds) ?? d.endToleranceSeconds
    }
}
