/// A keyed permutation of the 131,072 indexes of one status list, so that indexes do not
/// follow the order certificates were issued in: neighbouring bits do not belong to teachers
/// of the same school issued together, and an index does not tell how many came before.
///
/// A balanced Feistel network over 18 bits is a bijection whatever its round function;
/// "cycle walking" (applying it again while the result is 2¹⁷ or more) turns it into one
/// over the 17-bit indexes.
struct StatusIndexPermutation: Sendable, Hashable {
    static let halfBits: UInt64 = 9
    static let halfMask: UInt64 = (1 << halfBits) - 1
    static let rounds = 6

    let key: UInt64

    /// `key` is the database's secret serial key; `list` makes each list's order its own.
    init(key: UInt64, list: Int64) {
        self.key = key ^ (UInt64(bitPattern: list) &* 0xD6E8_FEB8_6659_FD93)
    }

    /// The index of the `position`-th certificate of the list (both below 131,072).
    func index(forPosition position: Int) -> Int {
        precondition(position >= 0 && position < BitstringStatusList.minimumEntries)
        var value = UInt64(position)
        repeat { value = permute(value) } while value >= UInt64(BitstringStatusList.minimumEntries)
        return Int(value)
    }

    private func permute(_ value: UInt64) -> UInt64 {
        var left = value >> Self.halfBits
        var right = value & Self.halfMask
        for round in 0..<Self.rounds {
            (left, right) = (right, left ^ roundValue(right, round: round))
        }
        return left << Self.halfBits | right
    }

    /// SplitMix64's finaliser over the half, the round and the key, cut to 9 bits.
    private func roundValue(_ half: UInt64, round: Int) -> UInt64 {
        var z = key &+ (half | UInt64(round) << 32) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) & Self.halfMask
    }
}
