/// The heartbeat journal: every accepted heartbeat with its verdict, kept for disputes and then pruned.
public enum HeartbeatJournal {
    /// One heartbeat as the journal keeps it.
    public struct Entry: Sendable, Equatable {
        public let at: Int64
        public let playbackId: String
        public let seq: Int64
        public let positionMs: Int64
        public let state: String
        public let rate: Double
        public let verdict: String
        public let creditedMs: Int64

        public init(at: Int64, playbackId: String, seq: Int64, positionMs: Int64, state: String, rate: Double, verdict: String, creditedMs: Int64) {
            self.at = at
            self.playbackId = playbackId
            self.seq = seq
            self.positionMs = positionMs
            self.state = state
            self.rate = rate
            self.verdict = verdict
            self.creditedMs = creditedMs
        }
    }
}
