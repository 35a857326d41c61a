import Glibc

/// Writing to standard output or error with write(2), so that a closed pipe is an answer
/// (`false`) instead of the trap FileHandle's write raises on EPIPE.
enum StandardStream {
    /// The status of a process that SIGPIPE ended: 128 + 13.
    static let closedPipeStatus: Int32 = 128 + SIGPIPE

    /// Writes every byte, retrying after interrupts and short writes. False once the reader
    /// has gone (EPIPE) or the stream is otherwise unwritable.
    @discardableResult
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
