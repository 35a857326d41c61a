/// A JSON number kept as its literal text, with exact integer and floating-point views.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as written on the wire (already validated against the JSON grammar).
    public let literal: String

    public init(literal: String) { self.literal = literal }
    public init(_ value: Int) { literal = String(value) }
    public init(_ value: Int64) { literal = String(value) }
    public init(_ value: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            literal = String(Int64(value))
        } else {
            literal = "\(value)"
        }
    }

    public var description: String { literal }

    /// The exact integer value, or nil when the literal has a fraction, an exponent that
    /// leaves a fraction, or does not fit in 64 bits.
    public var int64: Int64? {
        if let v = Int64(literal) { return v }
        guard let d = Double(literal), d.rounded() == d, abs(d) <= 9_007_199_254_740_992 else { return nil }
        return Int64(d)
    }

    public var double: Double? {
        guard let d = Double(literal), d.isFinite else { return nil }
        return d
    }
}
