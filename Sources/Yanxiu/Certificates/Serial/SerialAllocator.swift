import GRDB

/// Hands out blocks of certificate serials from the database's counter.
public enum SerialAllocator {
    /// Reserves `count` serials in the caller's transaction. A block whose certificates
    /// are never stored (a crash mid-run) is simply skipped: 2⁴⁰ numbers last for ever.
    public static func reserve(_ db: Database, count: Int) throws -> [CertificateSerial] {
        guard count > 0 else { return [] }
        guard let row = try Row.fetchOne(db, sql: "SELECT permutation_key, next_sequence FROM certificate_serial_state WHERE id = 1") else {
            throw DatabaseError(message: "certificate_serial_state has no row")
        }
        let key: Int64 = row["permutation_key"]
        let next: Int64 = row["next_sequence"]
        let end = next + Int64(count)
        guard UInt64(end) <= CertificateSerial.maxNumber + 1 else {
            throw DatabaseError(message: "certificate serial numbers are exhausted")
        }
        try db.execute(sql: "UPDATE certificate_serial_state SET next_sequence = ? WHERE id = 1", arguments: [end])
        let permutation = SerialPermutation(key: UInt64(bitPattern: key))
        return (next..<end).map { CertificateSerial(number: permutation.number(forSequence: UInt64($0)))! }
    }
}
