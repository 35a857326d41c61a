import GRDB

/// Hands out revocation bits: list after list of `BitstringStatusList.minimumEntries`.
public enum StatusListAllocator {
    /// Reserves `count` positions in the caller's transaction (the one that reserves the
    /// certificates' serials), creating the lists they fall in. Positions fill the lists in
    /// order; each list's keyed permutation turns a position into the index certificates carry. The index goes into the signed
    /// document, so it is fixed before signing; the certificate row stores it, and a unique
    /// index keeps two certificates off one bit. A block whose certificates are never stored
    /// (a crash mid-run) leaves its bits unused and clear.
    public static func reserve(_ db: Database, count: Int, address: StatusListAddress, now: Int64) throws -> [CertificateStatusEntry] {
        guard count > 0 else { return [] }
        guard let row = try Row.fetchOne(db, sql: "SELECT permutation_key, next_status_position FROM certificate_serial_state WHERE id = 1") else {
            throw DatabaseError(message: "certificate_serial_state has no row")
        }
        let key = UInt64(bitPattern: row["permutation_key"] as Int64)
        let next: Int64 = row["next_status_position"]
        try db.execute(sql: "UPDATE certificate_serial_state SET next_status_position = ? WHERE id = 1", arguments: [next + Int64(count)])
        let size = Int64(BitstringStatusList.minimumEntries)
        var urls: [Int64: String] = [:]
        for list in (next / size + 1)...((next + Int64(count) - 1) / size + 1) {
            try db.execute(sql: "INSERT INTO certificate_status_list (id, url, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                           arguments: [list, address.url(forList: list), now])
            urls[list] = try String.fetchOne(db, sql: "SELECT url FROM certificate_status_list WHERE id = ?", arguments: [list])
        }
        return (next..<(next + Int64(count))).map { position in
            let list = position / size + 1
            let index = StatusIndexPermutation(key: key, list: list).index(forPosition: Int(position % size))
            return CertificateStatusEntry(listID: list, index: index, listURL: urls[list]!)
        }
    }
}
