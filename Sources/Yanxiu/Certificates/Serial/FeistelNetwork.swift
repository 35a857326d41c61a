/// A balanced Feistel network over `2 × halfBits` bits, keyed, with SplitMix64's finaliser as
/// its round function.
///
/// A Feistel network is a bijection whatever its round function: distinct inputs always give
/// distinct outputs, which is what serial numbers and status list indexes rely on.
struct FeistelNetwork: Sendable, Hashable {
    let halfBits: UInt64
    let rounds: Int
    let key: UInt64

    private var halfMask: UInt64 { (1 << halfBits) - 1 }

    func forward(_ value: UInt64) -> UInt64 {
        var left = value >> halfBits
        var right = value & halfMask
        for round in 0..<rounds {
            (left, right) = (right, left ^ roundValue(right, round: round))
        }
        return left << halfBits | right
    }

    /// The inverse of ``forward(_:)``.
    func inverse(_ value: UInt64) -> UInt64 {
        var left = value >> halfBits
        var right = value & halfMask
        for round in (0..<rounds).reversed() {
            (left, right) = (right ^ roundValue(left, round: round), left)
        }
        return left << halfBits | right
    }

    /// SplitMix64's finaliser over the half, the round and the key, cut to `halfBits`.
    private func roundValue(_ half: UInt64, round: Int) -> UInt64 {
        var z = key &+ (half | UInt64(round) << 32) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) & halfMask
    }
}
