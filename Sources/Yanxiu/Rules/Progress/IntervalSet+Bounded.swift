extension IntervalSet {
    /// The most intervals a lesson's coverage keeps on either side of the quiz point.
    ///
    /// Alternating seeks and rewinds can cut coverage into ever more pieces, and every
    /// heartbeat rewrites the whole set. Past this bound a span that would start a new,
    /// separate piece is not added, so the record and the heartbeat stay small. Nothing already
    /// covered is ever dropped and no gap is ever filled, so no unwatched time is counted:
    /// the cost falls on the one who scattered the pieces, whose new isolated spans earn
    /// nothing until playback joins an existing piece.
    public static let maxIntervals = 256

    /// Adds `range` unless the set is at `limit` pieces and `range` would start another;
    /// returns how many ms it newly covered.
    @discardableResult
    public mutating func insertBounded(_ range: Range<Int64>, limit: Int = maxIntervals) -> Int64 {
        if count >= limit, isIsolated(range) { return 0 }
        return insert(range)
    }
}
