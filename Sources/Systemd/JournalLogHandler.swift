import Logging

/// A swift-log handler that writes structured entries straight to journald, so metadata
/// becomes searchable fields (`journalctl RPC_METHOD=account.login`).
public struct JournalLogHandler: LevelledLogHandler {
    /// `SYSLOG_IDENTIFIER=`: what `journalctl -t` matches; the program name.
    public let identifier: String
    /// The `Logger` label; written as `LOGGER_LABEL=` when it differs from `identifier`.
    public let label: String
    public var state: LogHandlerState

    /// - Parameter sharedLevel: consulted on every call, until someone sets `logLevel` on
    ///   this handler's `Logger`, which then keeps its own level.
    public init(
        label: String,
        identifier: String,
        level sharedLevel: SharedLogLevel,
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) {
        self.label = label
        self.identifier = identifier
        self.state = LogHandlerState(level: sharedLevel, metadataProvider: metadataProvider)
    }

    public func log(event: LogEvent) {
        let fields = Self.fields(
            level: event.level,
            message: event.message.description,
            metadata: state.metadata(of: event),
            identifier: identifier,
            label: label,
            file: event.file,
            function: event.function,
            line: event.line
        )
        // A log call has nowhere to report its own failure; journald being gone is
        // something the service manager notices, not this handler.
        try? Journal.send(fields)
    }

    /// The `FIELD=value` strings of one entry: the standard fields first, then metadata
    /// sorted by key. Pure, so the mapping can be checked without a journal.
    public static func fields(
        level: Logger.Level,
        message: String,
        metadata: Logger.Metadata,
        identifier: String,
        label: String,
        file: String,
        function: String,
        line: UInt
    ) -> [String] {
        var fields = [
            "MESSAGE=" + message,
            "PRIORITY=\(level.syslogPriority)",
            "SYSLOG_IDENTIFIER=" + identifier,
            "CODE_FILE=" + file,
            "CODE_LINE=\(line)",
            "CODE_FUNC=" + function,
        ]
        if label != identifier {
            fields.append("LOGGER_LABEL=" + label)
        }
        for (key, value) in LogMetadata.flatten(metadata) {
            fields.append(JournalFieldName.forMetadataKey(key) + "=" + value)
        }
        return fields
    }
}
