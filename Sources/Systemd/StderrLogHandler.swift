import Locking
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler that writes one plain line per message to stderr (or another fd):
/// `2026-11-29T01:02:03Z info yanxiud: message rpc.method=ping`.
public struct StderrLogHandler: LevelledLogHandler {
    public let label: String
    public var state: LogHandlerState

    private let fileDescriptor: Int32

    /// Serialises writes from all handlers, so lines from different threads never
    /// interleave even when one is longer than the pipe's atomic-write size. It guards the
    /// one buffer every line is copied into, reused up to `keptCapacity`, so an ordinary line
    /// is written without allocating and one huge line does not stay resident.
    private static let output = Locked([UInt8]())
    private static let keptCapacity = 65_536

    /// - Parameters:
    ///   - sharedLevel: consulted on every call, until someone sets `logLevel` on this
    ///     handler's `Logger`, which then keeps its own level.
    ///   - fileDescriptor: where lines go; stderr unless a test wants them.
    public init(
        label: String,
        level sharedLevel: SharedLogLevel,
        fileDescriptor: Int32 = STDERR_FILENO,
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) {
        self.label = label
        self.state = LogHandlerState(level: sharedLevel, metadataProvider: metadataProvider)
        self.fileDescriptor = fileDescriptor
    }

    public func log(event: LogEvent) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let line = Self.line(
            time: now.tv_sec,
            level: event.level,
            label: label,
            message: event.message.description,
            metadata: state.metadata(of: event)
        )
        Self.output.withLock { buffer in
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: line.utf8)
            buffer.append(UInt8(ascii: "\n"))
            Self.writeAll(buffer, to: fileDescriptor)
            if buffer.capacity > Self.keptCapacity { buffer = [] }
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return  // stderr is gone; there is nobody left to tell
                }
            }
        }
    }
}
