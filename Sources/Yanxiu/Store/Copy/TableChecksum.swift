import Crypto
import Foundation

/// A running SHA-256 over a table's rows in key order, each value in its canonical form, and the
/// number of rows seen. Both engines' rows go through it, so equal figures mean equal tables.
struct TableChecksum {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    private(set) var rows = 0

    mutating func add(_ row: [CopyValue]) {
        buffer.removeAll(keepingCapacity: true)
        for value in row { value.appendCanonical(to: &buffer) }
        buffer.append(UInt8(ascii: "\n"))
        hasher.update(data: buffer)
        rows += 1
    }

    /// The digest in hex; the checksum takes no more rows after this.
    func finish() -> String {
        hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
