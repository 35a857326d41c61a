/// A keyed permutation of the 40-bit serial numbers: a balanced Feistel network.
///
/// Certificates take their numbers from a counter, so uniqueness needs no lookup and no
/// retry; passing the counter through a permutation keyed per database makes consecutive
/// certificates' serials look unrelated, so one serial does not lead to its neighbours.
/// A Feistel network is a bijection whatever its round function, which is what makes
/// distinct counters give distinct serials.
public struct SerialPermutation: Sendable, Hashable {
    public let key: UInt64
    private let network: FeistelNetwork

    public init(key: UInt64) {
        self.key = key
        self.network = FeistelNetwork(halfBits: 20, rounds: 6, key: key)
    }

    /// The serial number of counter value `sequence` (below 2⁴⁰).
    public func number(forSequence sequence: UInt64) -> UInt64 {
        precondition(sequence <= CertificateSerial.maxNumber, "serial counter exhausted")
        return network.forward(sequence)
    }

    /// The counter value a serial number came from: the inverse of ``number(forSequence:)``.
    public func sequence(forNumber number: UInt64) -> UInt64 {
        network.inverse(number)
    }
}
