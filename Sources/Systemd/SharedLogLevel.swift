import Logging
import Synchronization

/// The process-wide log level that the handlers consult on every call, so
/// `system.setLogLevel` changes every existing `Logger` at once.
///
/// An atomic rather than a lock: swift-log reads the level before each log statement,
/// including the many that are then dropped, so the read must be nearly free.
public final class SharedLogLevel: Sendable {
    private let storage: Atomic<UInt8>

    public init(_ level: Logger.Level) {
        storage = Atomic(Self.encode(level))
    }

    public var level: Logger.Level {
        get { Self.decode(storage.load(ordering: .relaxed)) }
        set { storage.store(Self.encode(newValue), ordering: .relaxed) }
    }

    private static func encode(_ level: Logger.Level) -> UInt8 {
        switch level {
        case .trace: 0
        case .debug: 1
        case .info: 2
        case .notice: 3
        case .warning: 4
        case .error: 5
        case .critical: 6
        }
    }

    private static func decode(_ raw: UInt8) -> Logger.Level {
        switch raw {
        case 0: .trace
        case 1: .debug
        case 2: .info
        case 3: .notice
        case 4: .warning
        case 5: .error
        default: .critical
        }
    }
}
