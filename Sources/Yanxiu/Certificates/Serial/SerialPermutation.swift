/// A keyed permutation of the 40-bit serial numbers: a balanced Feistel network.
///
/// Certificates take their numbers from a counter, so uniqueness needs no lookup and no
/// retry; passing the counter through a permutation keyed per database makes consecutive
/// certificates' serials look unrelated, so one serial does not lead to its neighbours.
/// A Feistel network is a bijection whatever its round function, which is what makes
/// distinct counters give distinct serials.
public struct SerialPermutation: Sendable, Hashable {
    static let halfBits: UInt64 = 20
    static let halfMask: UInt64 = (1 << halfBits) - 1
    static let rounds = 6

    public let key: UInt64

    public init(key: UInt64) { self.key = key }

    /// The serial number of counter value `sequence` (below 2⁴⁰).
    public func number(forSequence sequence: UInt64) -> UInt64 {
        precondition(sequence <= CertificateSerial.maxNumber, "serial counter exhausted")
        var left = sequence >> Self.halfBits
        var right = sequence & Self.halfMask
        for round in 0..<Self.rounds {
            (left, right) = (right, left ^ roundValue(right, round: round))
        }
        return left << Self.halfBits | right
    }

    /// The counter value a serial number came from: the inverse of ``number(forSequence:)``.
    public func sequence(forNumber number: UInt64) -> UInt64 {
        var left = number >> Self.halfBits
        var right = number & Self.halfMask
        for round in (0..<Self.rounds).reversed() {
            (left, right) = (right ^ roundValue(left, round: round), left)
        }
        return left << Self.halfBits | right
    }

    /// SplitMix64's finaliser over the half, the round and the key, cut to 20 bits.
    private func roundValue(_ half: UInt64, round: Int) -> UInt64 {
        var z = key &+ (half | UInt64(round) << 32) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) & Self.halfMask
    }
}
