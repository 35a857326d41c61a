import CSystemd

#if canImport(Glibc)
import Glibc
#endif

/// Direct submission of entries to journald over its native protocol (`sd_journal_sendv`).
public enum Journal {
    /// Sends one entry made of `FIELD=value` strings. Values may hold newlines and any
    /// bytes; libsystemd switches to the length-prefixed form for those.
    /// - Throws: `SystemdError`, e.g. `ENOENT` when journald is not running.
    public static func send(_ fields: [String]) throws {
        guard !fields.isEmpty else {
            throw SystemdError(operation: "sd_journal_sendv", code: EINVAL)
        }
        // One buffer for all fields, so every iovec points into memory that stays put
        // for the duration of the call.
        var bytes: [UInt8] = []
        var spans: [(offset: Int, length: Int)] = []
        spans.reserveCapacity(fields.count)
        for field in fields {
            spans.append((bytes.count, field.utf8.count))
            bytes.append(contentsOf: field.utf8)
        }
        let result = bytes.withUnsafeMutableBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -EINVAL }
            let vectors = spans.map { iovec(iov_base: base + $0.offset, iov_len: $0.length) }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
        guard result >= 0 else {
            throw SystemdError(operation: "sd_journal_sendv", returnValue: result)
        }
    }
}
