/// The state a player reports in a heartbeat.
public enum PlaybackState: String, Sendable, Hashable, Codable, CaseIterable {
    case playing
    case paused
    case ended
}
