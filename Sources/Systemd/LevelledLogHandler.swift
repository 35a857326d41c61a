import Logging

/// What the module's log handlers keep besides their output: metadata, and a level that
/// follows the daemon's `SharedLogLevel` until someone sets `logLevel` on the handler's
/// `Logger`, which then keeps its own.
public struct LogHandlerState: Sendable {
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    let sharedLevel: SharedLogLevel
    var levelOverride: Logger.Level?

    init(level: SharedLogLevel, metadataProvider: Logger.MetadataProvider?) {
        self.sharedLevel = level
        self.metadataProvider = metadataProvider
    }

    /// The metadata one event is written with: the handler's, the provider's, the call's and the error.
    func metadata(of event: LogEvent) -> Logger.Metadata {
        LogMetadata.effective(base: metadata, provider: metadataProvider, explicit: event.metadata, error: event.error)
    }
}

/// A handler of this module: the `LogHandler` bookkeeping it shares with the others lives in
/// `state` and is written once, here; the handler itself only writes entries.
public protocol LevelledLogHandler: LogHandler {
    var state: LogHandlerState { get set }
}

extension LevelledLogHandler {
    public var metadata: Logger.Metadata {
        get { state.metadata }
        set { state.metadata = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { state.metadataProvider }
        set { state.metadataProvider = newValue }
    }

    public var logLevel: Logger.Level {
        get { state.levelOverride ?? state.sharedLevel.level }
        set { state.levelOverride = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { state.metadata[key] }
        set { state.metadata[key] = newValue }
    }
}
