/// Hands out blocks of certificate serials from the database's counter.
public enum SerialAllocator {
    /// The counter cannot go past the last 40-bit serial.
    public struct Exhausted: Error, CustomStringConvertible {
        public var description: String { "certificate serial numbers are exhausted" }
    }

    /// Reserves `count` serials in the caller's transaction. A block whose certificates
    /// are never stored (a crash mid-run) is simply skipped: 2⁴⁰ numbers last for ever.
    public static func reserve(_ certificates: any CertificatesStore, count: Int) throws -> [CertificateSerial] {
        guard count > 0 else { return [] }
        let block = try certificates.advanceSerialSequence(by: count)
        let end = block.first + Int64(count)
        // Thrown inside the caller's unit, so the counter's move is rolled back with it.
        guard UInt64(end) <= CertificateSerial.maxNumber + 1 else { throw Exhausted() }
        let permutation = SerialPermutation(key: block.permutationKey)
        return (block.first..<end).map { CertificateSerial(number: permutation.number(forSequence: UInt64($0)))! }
    }
}
