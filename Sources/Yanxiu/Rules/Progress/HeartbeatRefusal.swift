/// Why a heartbeat was refused (JSON-RPC 409).
public enum HeartbeatRefusal: Sendable, Hashable {
    /// Another lesson of the account is still playing.
    case concurrent(lessonId: String)
    /// A newer playback of this lesson replaced this one.
    case superseded

    /// The stable `data.reason`.
    public var reason: String {
        switch self {
        case .concurrent: "playback.concurrent"
        case .superseded: "playback.superseded"
        }
    }
}
