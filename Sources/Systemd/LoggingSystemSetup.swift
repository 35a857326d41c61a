import Logging

/// Installs the daemon's log handlers into swift-log, once per process.
public enum LoggingSystemSetup {
    /// Bootstraps swift-log with the journal handler when stderr is the journal, the stderr
    /// handler otherwise, and returns the level holder that changes all loggers at run time.
    ///
    /// swift-log allows one bootstrap per process; call this first thing in `main`.
    /// - Parameters:
    ///   - label: the program name, used as `SYSLOG_IDENTIFIER`.
    ///   - level: the level until someone changes it through the returned holder.
    @discardableResult
    public static func bootstrap(
        label: String,
        level: Logger.Level,
        destination: LogDestination = .detect()
    ) -> SharedLogLevel {
        let shared = SharedLogLevel(level)
        LoggingSystem.bootstrap(makeFactory(identifier: label, destination: destination, level: shared))
        return shared
    }

    /// The handler factory `bootstrap` installs; separate so it can be used without
    /// touching the process-wide logging system (tests, `Logger(label:factory:)`).
    public static func makeFactory(
        identifier: String,
        destination: LogDestination,
        level: SharedLogLevel
    ) -> @Sendable (String) -> any LogHandler {
        switch destination {
        case .journal:
            { label in JournalLogHandler(label: label, identifier: identifier, level: level) }
        case .stderr:
            { label in StderrLogHandler(label: label, level: level) }
        }
    }
}
