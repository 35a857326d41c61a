/// One heartbeat as the player reported it, before any check.
public struct Heartbeat: Sendable, Hashable {
    /// Client-chosen id of one play of one video.
    public var playbackId: String
    /// Increasing within a playback.
    public var seq: Int64
    public var positionMs: Int64
    /// `playing`, `paused` or `ended`; anything else is refused as invalid.
    public var state: String
    public var rate: Double

    public init(playbackId: String, seq: Int64, positionMs: Int64, state: String, rate: Double) {
        self.playbackId = playbackId
        self.seq = seq
        self.positionMs = positionMs
        self.state = state
        self.rate = rate
    }

    public init(playbackId: String, seq: Int64, positionMs: Int64, state: PlaybackState, rate: Double = 1.0) {
        self.init(playbackId: playbackId, seq: seq, positionMs: positionMs, state: state.rawValue, rate: rate)
    }
}
