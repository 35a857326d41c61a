/// A set of half-open millisecond intervals `[start, end)`, kept sorted and merged.
///
/// Stored as one flat array `[s0, e0, s1, e1, …]` with `e(i) < s(i+1)`: touching or
/// overlapping intervals are always merged, so the representation of a set is unique
/// and two equal sets compare equal. The flat array is also the `Codable` form (a JSON
/// array of integers), cheap to keep in SQLite.
public struct IntervalSet: Sendable, Hashable {
    /// The flat bounds `[s0, e0, s1, e1, …]`, sorted, merged, every `s < e`.
    public private(set) var flat: [Int64]
    /// Total covered length in ms, kept up to date so reading it costs nothing.
    public private(set) var coveredLength: Int64

    /// The empty set.
    public init() {
        flat = []
        coveredLength = 0
    }

    /// A set from flat bounds as produced by `flat`; `nil` unless the array has an even
    /// number of elements and every pair has `start <= end`. Unsorted or overlapping
    /// pairs are merged; empty pairs are dropped.
    public init?(flat bounds: [Int64]) {
        guard bounds.count % 2 == 0 else { return nil }
        var canonical = true
        var total: Int64 = 0
        var i = 0
        while i < bounds.count {
            let start = bounds[i], end = bounds[i + 1]
            guard start <= end else { return nil }
            if start == end || (i > 0 && start <= bounds[i - 1]) { canonical = false }
            total &+= end &- start
            i += 2
        }
        if canonical {
            self.init(canonical: bounds, coveredLength: total)
        } else {
            var set = IntervalSet()
            i = 0
            while i < bounds.count {
                set.insert(bounds[i]..<bounds[i + 1])
                i += 2
            }
            self = set
        }
    }

    private init(canonical bounds: [Int64], coveredLength: Int64) {
        flat = bounds
        self.coveredLength = coveredLength
    }

    /// A set holding the given ranges.
    public init(_ ranges: some Sequence<Range<Int64>>) {
        self.init()
        for range in ranges { insert(range) }
    }

    /// Number of disjoint intervals.
    public var count: Int { flat.count / 2 }

    public var isEmpty: Bool { flat.isEmpty }

    /// The intervals in ascending order.
    public var ranges: [Range<Int64>] {
        stride(from: 0, to: flat.count, by: 2).map { flat[$0]..<flat[$0 + 1] }
    }

    /// Whether `point` lies in one of the intervals.
    public func contains(_ point: Int64) -> Bool {
        let i = firstInterval(endingAfter: point)
        return i < count && flat[2 * i] <= point
    }

    /// Adds `range` and returns how many ms it newly covered.
    @discardableResult
    public mutating func insert(_ range: Range<Int64>) -> Int64 {
        let start = range.lowerBound, end = range.upperBound
        guard start < end else { return 0 }
        let n = flat.count
        // Fast paths: playback mostly extends the last interval or starts a new one after it.
        if n == 0 || start > flat[n - 1] {
            flat.append(start)
            flat.append(end)
            coveredLength &+= end &- start
            return end &- start
        }
        if start >= flat[n - 2] {
            let added = max(0, end &- flat[n - 1])
            if added > 0 { flat[n - 1] = end }
            coveredLength &+= added
            return added
        }
        // First interval that touches or follows `start`, and the first one strictly after `end`.
        let lo = firstInterval(endingAtOrAfter: start)
        var hi = lo
        var overlap: Int64 = 0
        while hi < count, flat[2 * hi] <= end {
            overlap &+= max(0, min(end, flat[2 * hi + 1]) &- max(start, flat[2 * hi]))
            hi += 1
        }
        let added = (end &- start) &- overlap
        if lo == hi {
            // Insert two slots without building a temporary array.
            flat.insert(end, at: 2 * lo)
            flat.insert(start, at: 2 * lo)
        } else {
            let newStart = min(start, flat[2 * lo])
            let newEnd = max(end, flat[2 * hi - 1])
            flat[2 * lo] = newStart
            flat[2 * lo + 1] = newEnd
            if hi - lo > 1 { flat.removeSubrange((2 * lo + 2)..<(2 * hi)) }
        }
        coveredLength &+= added
        return added
    }

    /// Whether inserting `range` would start a new interval: it neither overlaps nor touches any.
    public func isIsolated(_ range: Range<Int64>) -> Bool {
        guard !range.isEmpty else { return false }
        let lo = firstInterval(endingAtOrAfter: range.lowerBound)
        return lo == count || flat[2 * lo] > range.upperBound
    }

    /// Covered length inside `range`.
    public func coveredLength(in range: Range<Int64>) -> Int64 {
        guard !range.isEmpty else { return 0 }
        var i = firstInterval(endingAfter: range.lowerBound)
        var total: Int64 = 0
        while i < count {
            let start = flat[2 * i], end = flat[2 * i + 1]
            if start >= range.upperBound { break }
            total &+= min(end, range.upperBound) &- max(start, range.lowerBound)
            i += 1
        }
        return total
    }

    /// Length of `range` not covered by the set.
    public func uncoveredLength(in range: Range<Int64>) -> Int64 {
        (range.upperBound &- range.lowerBound) &- coveredLength(in: range)
    }

    /// The part of the set inside `range`.
    public func clamped(to range: Range<Int64>) -> IntervalSet {
        var copy = self
        copy.clamp(to: range)
        return copy
    }

    /// Drops everything outside `range`.
    public mutating func clamp(to range: Range<Int64>) {
        guard !range.isEmpty else {
            self = IntervalSet()
            return
        }
        let lo = firstInterval(endingAfter: range.lowerBound)
        var hi = lo
        while hi < count, flat[2 * hi] < range.upperBound { hi += 1 }
        if lo == hi {
            self = IntervalSet()
            return
        }
        flat.removeSubrange((2 * hi)..<flat.count)
        flat.removeSubrange(0..<(2 * lo))
        flat[0] = max(flat[0], range.lowerBound)
        flat[flat.count - 1] = min(flat[flat.count - 1], range.upperBound)
        var total: Int64 = 0
        var i = 0
        while i < flat.count {
            total &+= flat[i + 1] &- flat[i]
            i += 2
        }
        coveredLength = total
    }

    /// Index of the first interval whose end is greater than `point`.
    private func firstInterval(endingAfter point: Int64) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if flat[2 * mid + 1] > point { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Index of the first interval whose end is at least `point` (touching counts).
    private func firstInterval(endingAtOrAfter point: Int64) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if flat[2 * mid + 1] >= point { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

extension IntervalSet: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let bounds = try container.decode([Int64].self)
        guard let set = IntervalSet(flat: bounds) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected pairs of [start, end] with start <= end")
        }
        self = set
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(flat)
    }
}

extension IntervalSet: CustomStringConvertible {
    public var description: String {
        ranges.map { "[\($0.lowerBound), \($0.upperBound))" }.joined(separator: " ")
    }
}
