/// A keyed permutation of the 131,072 indexes of one status list, so that indexes do not
/// follow the order certificates were issued in: neighbouring bits do not belong to teachers
/// of the same school issued together, and an index does not tell how many came before.
///
/// A balanced Feistel network over 18 bits is a bijection whatever its round function;
/// "cycle walking" (applying it again while the result is 2¹⁷ or more) turns it into one
/// over the 17-bit indexes.
struct StatusIndexPermutation: Sendable, Hashable {
    private let network: FeistelNetwork

    /// `key` is the database's secret serial key; `list` makes each list's order its own.
    init(key: UInt64, list: Int64) {
        network = FeistelNetwork(halfBits: 9, rounds: 6, key: key ^ (UInt64(bitPattern: list) &* 0xD6E8_FEB8_6659_FD93))
    }

    /// The index of the `position`-th certificate of the list (both below 131,072).
    func index(forPosition position: Int) -> Int {
        precondition(position >= 0 && position < BitstringStatusList.minimumEntries)
        var value = UInt64(position)
        repeat { value = network.forward(value) } while value >= UInt64(BitstringStatusList.minimumEntries)
        return Int(value)
    }
}
