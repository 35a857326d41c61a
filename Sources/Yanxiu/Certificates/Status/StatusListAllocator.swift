/// Hands out revocation bits: list after list of `BitstringStatusList.minimumEntries`.
public enum StatusListAllocator {
    /// Reserves `count` positions in the caller's transaction (the one that reserves the
    /// certificates' serials), creating the lists they fall in. Positions fill the lists in
    /// order; each list's keyed permutation turns a position into the index certificates carry. The index goes into the signed
    /// document, so it is fixed before signing; the certificate row stores it, and a unique
    /// index keeps two certificates off one bit. A block whose certificates are never stored
    /// (a crash mid-run) leaves its bits unused and clear.
    public static func reserve(_ certificates: any CertificatesStore, count: Int, address: StatusListAddress, now: Int64) throws -> [CertificateStatusEntry] {
        guard count > 0 else { return [] }
        let block = try certificates.advanceStatusPosition(by: count)
        let next = block.first
        let size = Int64(BitstringStatusList.minimumEntries)
        var urls: [Int64: String] = [:]
        for list in (next / size + 1)...((next + Int64(count) - 1) / size + 1) {
            urls[list] = try certificates.statusList(list, creatingWith: address.url(forList: list), now: now)
        }
        return (next..<(next + Int64(count))).map { position in
            let list = position / size + 1
            let index = StatusIndexPermutation(key: block.permutationKey, list: list).index(forPosition: Int(position % size))
            return CertificateStatusEntry(listID: list, index: index, listURL: urls[list]!)
        }
    }
}
